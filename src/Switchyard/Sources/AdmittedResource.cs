using Switchyard.Model;

namespace Switchyard.Sources;

/// <summary>
/// A live resource with its content fingerprint and the file that now answers for it (the file
/// whose deletion removes it, or whose syntax error keeps it as it is).
/// </summary>
internal sealed record AdmittedResource(ResourceRef Key, Resource Resource, string Fingerprint, string File);
