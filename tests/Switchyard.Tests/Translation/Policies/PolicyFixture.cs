using Switchyard.Translation.Routes;
using static Switchyard.Tests.Translation.TranslationFixture;

namespace Switchyard.Tests.Translation.Policies;

/// <summary>One VirtualService rule for <c>reviews</c> (plus a <c>ratings</c> service to mirror to), translated; its compiled route.</summary>
internal static class PolicyFixture
{
    public static RouteEntry Rule(string ruleBody)
    {
        var indented = string.Join('\n', ruleBody.Split('\n').Select(l => "    " + l));
        var yaml = Service("reviews") + Pod("reviews", "10.0.0.1", "v1") + Service("ratings") + Pod("ratings", "10.0.0.2", "v1") + $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: reviews, namespace: default }
            spec:
              hosts: [reviews]
              http:
              -
            {{indented}}
            """;
        var snapshot = Translate(yaml);
        return Assert.Single(snapshot.FindVirtualHost("reviews")!.Routes);
    }
}
