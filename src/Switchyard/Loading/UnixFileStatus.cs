using System.Runtime.InteropServices;
using System.Text;

namespace Switchyard.Loading;

/// <summary>
/// <c>statx(2)</c> on Linux: a path's file type, device, inode and size, following symbolic links,
/// without opening it. .NET's own file APIs cannot tell a FIFO or a device from a regular file
/// (both are "Normal"), and opening one to find out is what must not happen: a FIFO named
/// <c>x.yaml</c> blocks the reader forever. <c>statx</c>'s buffer has one layout on every Linux
/// architecture, unlike <c>struct stat</c>, so no per-architecture offsets are needed.
/// </summary>
internal static class UnixFileStatus
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const uint StatxIno = 0x100;
    private const uint StatxSize = 0x200;
    private const int ENOENT = 2;
    private const int EPERM = 1;
    private const int EACCES = 13;
    private const int ENOTDIR = 20;
    private const int ELOOP = 40;
    private const int ENOSYS = 38;

    private static volatile bool s_unavailable = !OperatingSystem.IsLinux();

    /// <summary>Whether <see cref="TryStat"/> can answer on this system.</summary>
    public static bool IsAvailable => !s_unavailable;

    /// <summary>
    /// The path's status, or false when statx is not available here (not Linux, a libc without
    /// it, a kernel before 4.11). Throws on an I/O error other than "not there" or "link loop".
    /// </summary>
    public static bool TryStat(string path, out ConfigPathInfo info)
    {
        info = default;
        if (s_unavailable) return false;
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        int rc;
        Statx buffer;
        try
        {
            rc = NativeStatx(AtFdCwd, ref bytes[0], 0, StatxType | StatxIno | StatxSize, out buffer);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            s_unavailable = true;
            return false;
        }
        if (rc != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            switch (errno)
            {
                case ENOENT or ENOTDIR:
                    info = ConfigPathInfo.Missing;
                    return true;
                case ELOOP:
                    info = new ConfigPathInfo(ConfigPathKind.Other, default, 0, "a symbolic link that loops");
                    return true;
                case ENOSYS:
                    s_unavailable = true;
                    return false;
                case EACCES or EPERM:
                    throw new UnauthorizedAccessException($"Access to the path '{path}' is denied: {Marshal.GetPInvokeErrorMessage(errno)}");
                default:
                    throw new IOException($"{Marshal.GetPInvokeErrorMessage(errno)} : '{path}'", errno);
            }
        }
        var id = new FileId(((ulong)buffer.DevMajor << 32) | buffer.DevMinor, buffer.Ino);
        info = (buffer.Mode & 0xF000) switch
        {
            0x8000 => new ConfigPathInfo(ConfigPathKind.File, id, (long)buffer.Size),
            0x4000 => new ConfigPathInfo(ConfigPathKind.Directory, id, 0),
            0x1000 => new ConfigPathInfo(ConfigPathKind.Other, id, 0, "a FIFO (named pipe)"),
            0x2000 => new ConfigPathInfo(ConfigPathKind.Other, id, 0, "a character device"),
            0x6000 => new ConfigPathInfo(ConfigPathKind.Other, id, 0, "a block device"),
            0xC000 => new ConfigPathInfo(ConfigPathKind.Other, id, 0, "a socket"),
            _ => new ConfigPathInfo(ConfigPathKind.Other, id, 0, "not a file or directory"),
        };
        return true;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int NativeStatx(int dirfd, ref byte path, int flags, uint mask, out Statx buffer);

    /// <summary>The kernel's <c>struct statx</c> (include/uapi/linux/stat.h), the fields read here.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Ino;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(136)] public uint DevMajor;
        [FieldOffset(140)] public uint DevMinor;
    }
}
