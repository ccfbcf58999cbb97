using System.Text;
using static Switchyard.Tests.Translation.Policies.PolicyFixture;

namespace Switchyard.Tests.Translation.Policies.DirectResponse;

public class DirectResponsePolicyTests
{
    [Fact]
    public void String_body_is_encoded_once_as_utf8()
    {
        var p = Rule("directResponse: {status: 503, body: {string: \"maintenance ✓\"}}").DirectResponse!;
        Assert.Equal(503, p.Status);
        Assert.Equal("maintenance ✓", Encoding.UTF8.GetString(p.Body.Span));
    }

    [Theory]
    [InlineData("aGVsbG8=", "hello")]
    [InlineData("aGVsbG8", "hello")]     // protojson accepts unpadded
    [InlineData("Pz8-", "??>")]          // and URL-safe
    public void Bytes_body_is_base64_decoded(string base64, string expected) =>
        Assert.Equal(expected, Encoding.UTF8.GetString(Rule($"directResponse: {{status: 200, body: {{bytes: \"{base64}\"}}}}").DirectResponse!.Body.Span));

    [Fact]
    public void No_body_is_an_empty_body() => Assert.True(Rule("directResponse: {status: 204}").DirectResponse!.Body.IsEmpty);

    [Fact]
    public void Rule_without_direct_response_compiles_to_null() => Assert.Null(Rule("route: [{destination: {host: reviews}}]").DirectResponse);
}
