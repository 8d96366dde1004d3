using System.Text;
using Microsoft.AspNetCore.Identity;
using PortalApp.Data;
using QRCoder;

namespace PortalApp.Features.Account;

/// <summary>Authenticator-app multi-factor authentication: setup, recovery codes, switching off and resetting.</summary>
internal sealed class MfaService(
    UserManager<PortalUser> userManager,
    AccountEmails emails,
    SecurityEvents events,
    ILogger<MfaService> logger)
{
    public const string Issuer = "Customer Portal";
    public const int RecoveryCodeCount = 10;

    /// <summary>The key, creating one first when the account has none (that rotates the security stamp: refresh the sign-in afterwards).</summary>
    public async Task<(AuthenticatorSetup Setup, bool KeyCreated)> GetSetupAsync(PortalUser user)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        var created = false;
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user);
            created = true;
        }

        var uri = AuthenticatorUri(user.Email!, key!);
        return (new AuthenticatorSetup(FormatKey(key!), uri, QrCodeDataUri(uri)), created);
    }

    /// <summary>Switches MFA on when <paramref name="code"/> is a current code of the app; returns the new recovery codes, or null for a wrong code.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(PortalUser user, string code)
    {
        if (!await VerifyCodeAsync(user, code))
        {
            return null;
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        var codes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await events.RecordAsync(user.Id, SecurityEventKind.MfaEnabled);
        await emails.SendSecurityNoticeAsync(user, SecurityNotice.MfaEnabled);
        logger.LogInformation("User {UserId} turned on two-factor authentication.", user.Id);
        return codes;
    }

    private Task<bool> VerifyCodeAsync(PortalUser user, string code)
        => userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, code);

    public async Task DisableAsync(PortalUser user)
    {
        await userManager.SetTwoFactorEnabledAsync(user, false);
        await events.RecordAsync(user.Id, SecurityEventKind.MfaDisabled);
        await emails.SendSecurityNoticeAsync(user, SecurityNotice.MfaDisabled);
        logger.LogInformation("User {UserId} turned off two-factor authentication.", user.Id);
    }

    /// <summary>New key, MFA off until the app is set up again with the new key.</summary>
    public async Task ResetAuthenticatorAsync(PortalUser user)
    {
        var wasEnabled = user.TwoFactorEnabled;
        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        user.AuthenticatorLastTimeStep = null;
        await userManager.UpdateAsync(user);
        await events.RecordAsync(user.Id, SecurityEventKind.AuthenticatorReset);
        await emails.SendSecurityNoticeAsync(user, wasEnabled ? SecurityNotice.AuthenticatorReset : SecurityNotice.MfaDisabled);
        logger.LogInformation("User {UserId} reset their authenticator key.", user.Id);
    }

    public async Task<IReadOnlyList<string>> RegenerateRecoveryCodesAsync(PortalUser user)
    {
        var codes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await events.RecordAsync(user.Id, SecurityEventKind.RecoveryCodesRegenerated);
        await emails.SendSecurityNoticeAsync(user, SecurityNotice.RecoveryCodesRegenerated);
        return codes;
    }

    public Task<int> CountRecoveryCodesAsync(PortalUser user) => userManager.CountRecoveryCodesAsync(user);

    /// <summary>"ABCD EFGH IJKL …": groups of four are easier to type into an app.</summary>
    public static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                result.Append(' ');
            }

            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return result.ToString().ToUpperInvariant();
    }

    public static string AuthenticatorUri(string email, string key)
    {
        var issuer = Uri.EscapeDataString(Issuer);
        return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(email)}?secret={key}&issuer={issuer}&algorithm=SHA1&digits=6&period=30";
    }

    public static string QrCodeDataUri(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The text file offered for download next to freshly generated recovery codes.</summary>
    public static string RecoveryCodesFile(string email, IEnumerable<string> codes)
        => $"{Issuer} recovery codes for {email}\nEach code works once. Keep them somewhere safe.\n\n{string.Join('\n', codes)}\n";
}
