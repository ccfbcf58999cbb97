using Switchyard.Diagnostics;

namespace Switchyard.Proxy.Admin;

/// <summary>What the admin API shows besides the snapshot: the configuration last rejected.</summary>
public sealed class AdminData
{
    private volatile IReadOnlyList<Diagnostic> _rejected = [];

    public IReadOnlyList<Diagnostic> Rejected
    {
        get => _rejected;
        set => _rejected = value;
    }
}
