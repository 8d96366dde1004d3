using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace PortalApp.Features.PasswordReset;

/// <summary>
/// The secret in a reset link: <c>{request id}.{256 random bits}</c>, both base64url. The id finds the row; the
/// random part proves possession and is only ever stored as its SHA-256 hash.
/// </summary>
public readonly record struct ResetToken(Guid RequestId, byte[] Secret)
{
    public const int SecretBytes = 32;
    private const int MaxLength = 128;

    public static ResetToken Create(Guid requestId) => new(requestId, RandomNumberGenerator.GetBytes(SecretBytes));

    public byte[] Hash() => SHA256.HashData(Secret);

    public override string ToString() =>
        $"{Base64Url.EncodeToString(RequestId.ToByteArray())}.{Base64Url.EncodeToString(Secret)}";

    /// <summary>Parses a token from a link; anything malformed, truncated or over-long is simply not a token.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out ResetToken? token)
    {
        token = null;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        var dot = value.IndexOf('.');
        if (dot <= 0 || dot != value.LastIndexOf('.'))
        {
            return false;
        }

        Span<byte> id = stackalloc byte[16];
        var secret = new byte[SecretBytes];
        if (!Base64Url.IsValid(value.AsSpan(0, dot)) || !Base64Url.IsValid(value.AsSpan(dot + 1))
            || Base64Url.GetMaxDecodedLength(dot) < 16
            || !Base64Url.TryDecodeFromChars(value.AsSpan(0, dot), id, out var idLength) || idLength != 16
            || !Base64Url.TryDecodeFromChars(value.AsSpan(dot + 1), secret, out var secretLength) || secretLength != SecretBytes)
        {
            return false;
        }

        token = new ResetToken(new Guid(id), secret);
        return true;
    }

    /// <summary>Constant-time comparison of this token's hash with a stored one.</summary>
    public bool Matches(byte[]? storedHash) =>
        storedHash is { Length: 32 } && CryptographicOperations.FixedTimeEquals(Hash(), storedHash);
}
