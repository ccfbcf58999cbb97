namespace Switchyard.Translation;

/// <summary>The snapshot as JSON (admin /config_dump and golden tests). PLACEHOLDER: being written.</summary>
public static class SnapshotJson
{
    public static string Write(MeshSnapshot snapshot) => $"{{\"version\":{snapshot.Version}}}";
}
