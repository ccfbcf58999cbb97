using System.Runtime.InteropServices;

namespace Switchyard.Cli.Commands;

/// <summary>
/// Waits until the command is cancelled, the process gets SIGTERM (how Kubernetes stops a
/// sidecar) or SIGINT (Ctrl+C). The proxy's Kestrel host takes SIGTERM for itself and keeps the
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
        // Ctrl+C too. Left to the invocation's own Ctrl+C handling, SIGINT did not end run,
        // demo --keep-running or echo (still up seconds later, until SIGKILL): the Kestrel hosts
        // in the process register for it too and cancel it.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
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
