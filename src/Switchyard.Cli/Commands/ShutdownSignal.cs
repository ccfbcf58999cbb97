using System.Runtime.InteropServices;

namespace Switchyard.Cli.Commands;

/// <summary>
/// Waits until the command is cancelled (Ctrl+C) or the process gets SIGTERM, which is how
/// Kubernetes stops a sidecar. The proxy's Kestrel host takes SIGTERM for itself and keeps the
/// process alive, so the long-running commands listen for it here and return, which disposes
/// the listeners and ends the process.
/// </summary>
internal static class ShutdownSignal
{
    public static async Task WaitAsync(CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
