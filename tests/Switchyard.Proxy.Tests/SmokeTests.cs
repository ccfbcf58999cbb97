namespace Switchyard.Proxy.Tests;

public class SmokeTests
{
    [Fact]
    public void Proxy_assembly_loads() => Assert.NotNull(typeof(Switchyard.Proxy.ProxyAssembly).Assembly);
}
