using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace PortalApp.Features.Account;

/// <summary>
/// One account's recovery codes, kept only as HMAC-SHA256 hashes under a random key of the account's own. A code
/// carries about 47 bits (10 characters from Identity's 26-letter alphabet): plenty against online guessing, too
/// little against an offline search of a plain fast hash. So the hash key is stored next to the hashes encrypted with
/// Data Protection, whose ring the certificate protects: a copy of the database gives nothing to test a guess against.
/// With the key out of reach a fast keyed hash is enough, and a redemption costs one HMAC instead of a slow KDF.
/// </summary>
internal sealed class RecoveryCodeHashes
{
    /// <summary>Marks the stored form; Identity's own store kept the codes in plain text, separated by ';'.</summary>
    public const string Prefix = "hmac-sha256.v1:";

    private readonly byte[] key;
    private readonly List<byte[]> hashes;

    private RecoveryCodeHashes(byte[] key, List<byte[]> hashes)
    {
        this.key = key;
        this.hashes = hashes;
    }

    public int Count => hashes.Count;

    public static RecoveryCodeHashes Create(IEnumerable<string> codes)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        return new RecoveryCodeHashes(key, codes.Select(code => Hash(key, code)).ToList());
    }

    public static bool IsHashed(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Reads the stored form; plain-text codes (written before hashing) are hashed as they are read.</summary>
    public static RecoveryCodeHashes Read(string? stored, IDataProtector protector)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return Create([]);
        }

        if (!IsHashed(stored))
        {
            return Create(stored.Split(';'));
        }

        var parts = stored[Prefix.Length..].Split(';');
        return new RecoveryCodeHashes(protector.Unprotect(Convert.FromBase64String(parts[0])), parts.Skip(1).Select(Convert.FromBase64String).ToList());
    }

    public string Write(IDataProtector protector)
        => Prefix + string.Join(';', hashes.Select(Convert.ToBase64String).Prepend(Convert.ToBase64String(protector.Protect(key))));

    /// <summary>Removes the code's hash when it is one of them. Every hash is compared, each in fixed time.</summary>
    public bool TryRedeem(string code)
    {
        var candidate = Hash(key, code);
        var match = -1;
        for (var i = 0; i < hashes.Count; i++)
        {
            match = CryptographicOperations.FixedTimeEquals(hashes[i], candidate) ? i : match;
        }

        if (match < 0)
        {
            return false;
        }

        hashes.RemoveAt(match);
        return true;
    }

    /// <summary>Codes are shown as "XXXXX-XXXXX": case, spaces and the hyphen are not part of the secret.</summary>
    private static byte[] Hash(byte[] key, string code)
        => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant()));
}
