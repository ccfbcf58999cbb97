using Switchyard.Validation.Rules;

namespace Switchyard.Tests.Validation.Rules;

public class IpAddressesTests
{
    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("2001:db8::8a2e:370:7334")]
    [InlineData("::ffff:1.2.3.4")]
    [InlineData("1:2:3:4:5:6:1.2.3.4")]
    [InlineData("fe80::1%eth0")]
    public void Ip_address_accepts(string ip) => Assert.True(IpAddresses.IsIPAddress(ip));

    [Theory]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("01.2.3.4")] // Go rejects leading zeros
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.4.")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1::2::3")]
    [InlineData("12345::")]
    [InlineData("1:2:3:4:5:6:7::8")] // :: must stand for at least one zero field
    [InlineData("fe80::1%")]
    [InlineData("foo.com")]
    public void Ip_address_rejects(string ip) => Assert.False(IpAddresses.IsIPAddress(ip));

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("10.0.0.1/32")]
    [InlineData("10.0.0.1/0")]
    [InlineData("2001:db8::/32")]
    [InlineData("::/128")]
    [InlineData("10.0.0.1")]
    public void Ip_or_cidr_accepts(string value) => Assert.Null(IpAddresses.CheckIPOrCidr(value));

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("::/129")]
    [InlineData("10.0.0.0/08")]
    [InlineData("10.0.0.0/")]
    [InlineData("fe80::1%eth0/64")]
    public void Cidr_rejects_bad_prefix(string value) =>
        Assert.Equal($"{value} is not a valid CIDR block", IpAddresses.CheckIPOrCidr(value));

    [Fact]
    public void Two_slashes_are_judged_as_an_address() =>
        Assert.Equal("1.2.3.4/8/8 is not a valid IP", IpAddresses.CheckIPOrCidr("1.2.3.4/8/8"));
}
