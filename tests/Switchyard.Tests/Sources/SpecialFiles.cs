using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Switchyard.Tests.Sources;

/// <summary>Makes the things a config directory must not open (a FIFO, a Unix socket; with a symlink, a device), and renames as kubelet does.</summary>
internal static class SpecialFiles
{
    public static void Fifo(string path)
    {
        if (mkfifo(path, Convert.ToUInt32("644", 8)) != 0)
            throw new IOException($"mkfifo {path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
    }

    /// <summary>A bound Unix domain socket at <paramref name="path"/>; dispose it after the test.</summary>
    public static Socket UnixSocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    /// <summary>rename(2), as kubelet's atomic writer swaps <c>..data</c> (Go's os.Rename): atomic, replacing a link in place.</summary>
    public static void Rename(string from, string to)
    {
        if (rename(from, to) != 0)
            throw new IOException($"rename {from} {to}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int rename([MarshalAs(UnmanagedType.LPUTF8Str)] string from, [MarshalAs(UnmanagedType.LPUTF8Str)] string to);

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
