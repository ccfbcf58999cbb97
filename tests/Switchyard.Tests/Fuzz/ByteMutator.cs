namespace Switchyard.Tests.Fuzz;

/// <summary>
/// Byte-level damage to a document's UTF-8 bytes, the kind a disk, a copy or a bad encoder does:
/// flipped bits, random bytes (NUL, invalid UTF-8 lead bytes), inserted, deleted or repeated
/// runs, and a cut. Same Random, same bytes.
/// </summary>
internal static class ByteMutator
{
    public static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        var count = random.Next(1, 9);
        for (var i = 0; i < count; i++)
        {
            if (bytes.Count == 0) bytes.Add((byte)random.Next(256));
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes[at] = (byte)random.Next(256); break;
                case 2: bytes.InsertRange(at, RandomBytes(random, random.Next(1, 16))); break;
                case 3: bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 64))); break;
                case 4:
                    var length = Math.Min(bytes.Count - at, random.Next(1, 256));
                    var run = bytes.GetRange(at, length);
                    for (var r = random.Next(1, 8); r > 0; r--) bytes.InsertRange(at, run);
                    break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return [.. bytes];
    }

    private static byte[] RandomBytes(Random random, int n)
    {
        var b = new byte[n];
        random.NextBytes(b);
        return b;
    }
}
