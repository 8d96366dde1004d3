using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace PortalApp.Tests.Infrastructure;

/// <summary>
/// RFC 6238 codes computed independently of the app (HMAC-SHA1, 6 digits, 30-second steps), as an authenticator app would.
/// </summary>
public static class TotpCodes
{
    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / 30;

    public static string Compute(string base32Key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    public static string Compute(string base32Key, DateTimeOffset time) => Compute(base32Key, StepAt(time));

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"Not base32: {c}");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return bytes.ToArray();
    }
}
