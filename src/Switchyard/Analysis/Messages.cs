using Switchyard.Diagnostics;

namespace Switchyard.Analysis;

/// <summary>
/// The IST codes Switchyard emits, with Istio's names, levels and texts
/// (pkg/config/analysis/msg/messages.yaml). Go's <c>%q</c> is written with <see cref="GoFormat.Quote"/>,
/// a <c>%v</c> of a slice with <see cref="GoFormat.List{T}"/>.
/// </summary>
public static class Messages
{
    public static readonly MessageType InternalError = new("IST0001", "InternalError", Severity.Error, "Internal error: {0}");
    public static readonly MessageType Deprecated = new("IST0002", "Deprecated", Severity.Warning, "Deprecated: {0}");
    public static readonly MessageType ReferencedResourceNotFound = new("IST0101", "ReferencedResourceNotFound", Severity.Error, "Referenced {0} not found: {1}");
    public static readonly MessageType SchemaValidationError = new("IST0106", "SchemaValidationError", Severity.Error, "Schema validation error: {0}");
    public static readonly MessageType ConflictingMeshGatewayVirtualServiceHosts = new("IST0109", "ConflictingMeshGatewayVirtualServiceHosts", Severity.Error,
        "The VirtualServices {0} associated with mesh gateway define the same host {1} which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.");
    public static readonly MessageType VirtualServiceDestinationPortSelectorRequired = new("IST0112", "VirtualServiceDestinationPortSelectorRequired", Severity.Error,
        "This VirtualService routes to a service {0} that exposes multiple ports {1}. Specifying a port in the destination is required to disambiguate.");
    public static readonly MessageType PortNameIsNotUnderNamingConvention = new("IST0118", "PortNameIsNotUnderNamingConvention", Severity.Info,
        "Port name {0} (port: {1}, targetPort: {2}) doesn't follow the naming convention of Istio port.");
    public static readonly MessageType NoServerCertificateVerificationDestinationLevel = new("IST0128", "NoServerCertificateVerificationDestinationLevel", Severity.Warning,
        "DestinationRule {0} in namespace {1} has TLS mode set to {2} but no caCertificates are set to validate server identity for host: {3}");
    public static readonly MessageType NoServerCertificateVerificationPortLevel = new("IST0129", "NoServerCertificateVerificationPortLevel", Severity.Warning,
        "DestinationRule {0} in namespace {1} has TLS mode set to {2} but no caCertificates are set to validate server identity for host: {3} at port {4}");
    public static readonly MessageType VirtualServiceUnreachableRule = new("IST0130", "VirtualServiceUnreachableRule", Severity.Warning, "VirtualService rule {0} not used ({1}).");
    public static readonly MessageType VirtualServiceIneffectiveMatch = new("IST0131", "VirtualServiceIneffectiveMatch", Severity.Info,
        "VirtualService rule {0} match {1} is not used (duplicate/overlapping match in rule {2}).");
    public static readonly MessageType VirtualServiceHostNotFoundInGateway = new("IST0132", "VirtualServiceHostNotFoundInGateway", Severity.Warning,
        "one or more host {0} defined in VirtualService {1} not found in Gateway {2}.");
    public static readonly MessageType SchemaWarning = new("IST0133", "SchemaWarning", Severity.Warning, "Schema validation warning: {0}");
    public static readonly MessageType ServiceEntryAddressesRequired = new("IST0134", "ServiceEntryAddressesRequired", Severity.Warning, "ServiceEntry addresses are required for this protocol.");
    public static readonly MessageType IngressRouteRulesNotAffected = new("IST0140", "IngressRouteRulesNotAffected", Severity.Warning,
        "Subset in virtual service {0} has no effect on ingress gateway {1} requests");
    public static readonly MessageType ExternalNameServiceTypeInvalidPortName = new("IST0150", "ExternalNameServiceTypeInvalidPortName", Severity.Warning,
        "Port name for ExternalName service is invalid. Proxy may prevent tcp named ports and unmatched traffic for ports serving TCP protocol from being forwarded correctly");
    public static readonly MessageType DestinationRuleSubsetNotSelectPods = new("IST0173", "DestinationRuleSubsetNotSelectPods", Severity.Error,
        "The Subset {0} defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).");
    public static readonly MessageType UnknownDestinationRuleHost = new("IST0174", "UnknownDestinationRuleHost", Severity.Warning,
        "The host {0} defined in the DestinationRule does not match any services in the mesh.");
    public static readonly MessageType ConflictingServiceEntryProtocol = new("IST0177", "ConflictingServiceEntryProtocol", Severity.Warning,
        "Multiple ServiceEntries ({0}) define the same host {1} and port {2} with conflicting protocols ({3}).");

    public static IReadOnlyList<MessageType> All { get; } =
    [
        InternalError, Deprecated, ReferencedResourceNotFound, SchemaValidationError, ConflictingMeshGatewayVirtualServiceHosts,
        VirtualServiceDestinationPortSelectorRequired, PortNameIsNotUnderNamingConvention, NoServerCertificateVerificationDestinationLevel,
        NoServerCertificateVerificationPortLevel, VirtualServiceUnreachableRule, VirtualServiceIneffectiveMatch,
        VirtualServiceHostNotFoundInGateway, SchemaWarning, ServiceEntryAddressesRequired, IngressRouteRulesNotAffected,
        ExternalNameServiceTypeInvalidPortName, DestinationRuleSubsetNotSelectPods, UnknownDestinationRuleHost, ConflictingServiceEntryProtocol,
    ];

    public static MessageType? ByCode(string code) => All.FirstOrDefault(m => m.Code == code);
}
