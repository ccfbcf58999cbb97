using System.Runtime.InteropServices;

namespace Switchyard.Cli.Commands;

/// <summary>
/// Listens for the command's cancellation, SIGTERM (how Kubernetes stops a sidecar) and SIGINT
/// (Ctrl+C). The proxy's Kestrel hosts take SIGTERM for themselves and keep the process alive,
/// so the long-running commands listen here and return, which disposes the listeners and ends
/// the process. Listening starts at <see cref="Listen"/>, before the command starts anything:
/// a signal sent the moment the command says it is up (a supervisor, a test) is not missed, as
/// it was when the handlers were registered only after that line was printed.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _sigterm;
    private readonly PosixSignalRegistration _sigint;

    private ShutdownSignal(CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        // Ctrl+C too. Left to the invocation's own Ctrl+C handling, SIGINT did not end run,
        // demo --keep-running or echo: the Kestrel hosts in the process register for it too.
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    }

    public static ShutdownSignal Listen(CancellationToken ct) => new(ct);

    /// <summary>Returns once a signal came (before or after this call) or the command was cancelled.</summary>
    public async Task WaitAsync()
    {
        try
        {
            await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }

    public void Dispose()
    {
        _sigterm.Dispose();
        _sigint.Dispose();
        _stop.Dispose();
    }
}
