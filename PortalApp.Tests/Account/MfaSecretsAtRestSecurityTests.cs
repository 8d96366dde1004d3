using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Features.Account;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

/// <summary>
/// The second factor's secrets in AspNetUserTokens, read the way someone with a copy of the database would (a plain
/// SQLite connection, the raw files): the authenticator key is encrypted, recovery codes are hashed, and both still work.
/// </summary>
[Trait("Category", "Security")]
public sealed class MfaSecretsAtRestSecurityTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task EnableMfa_TokensTableAndDatabaseFiles_HoldNoReadableKeyOrRecoveryCode()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        var (key, codes) = await EnableMfaAsync(user.Id);

        var stored = ReadTokens(user.Id);
        Assert.Equal(new[] { "AuthenticatorKey", "RecoveryCodes" }, stored.Keys.Order());
        var secrets = codes.Concat(codes.Select(c => c.Replace("-", "", StringComparison.Ordinal))).Append(key).ToList();
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(stored.Values, value => value.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(factory.DataDirectory, "portal.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var secret in secrets)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{secret[..3]}… found in {Path.GetFileName(file)}");
            }
        }
    }

    [Fact]
    public async Task SignIn_RecoveryCodeStoredHashed_WorksExactlyOnceAndAuthenticatorCodesStillWork()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        var (key, codes) = await EnableMfaAsync(user.Id);
        Assert.DoesNotContain(codes[0], ReadTokens(user.Id)["RecoveryCodes"], StringComparison.Ordinal);

        using var first = factory.CreateClient();
        await PortalSignIn.SubmitAsync(first, user.Email!, TestUsers.Password);
        await SubmitRecoveryCodeAsync(first, codes[0].ToLowerInvariant());
        Assert.True(await IsSignedInAsync(first));

        using var second = factory.CreateClient();
        await PortalSignIn.SubmitAsync(second, user.Email!, TestUsers.Password);
        await SubmitRecoveryCodeAsync(second, codes[0]);
        Assert.False(await IsSignedInAsync(second));

        using var third = factory.CreateClient();
        await PortalSignIn.SubmitAsync(third, user.Email!, TestUsers.Password);
        await StaticForm.SubmitAsync(third, "/Account/LoginWith2fa?rememberMe=False", "login-2fa", new Dictionary<string, string>
        {
            // The current step went to switching MFA on; a code is never accepted twice, so the app's next one.
            ["Input.Code"] = TotpCodes.Compute(key, TotpCodes.StepAt(DateTimeOffset.UtcNow) + 1),
        });
        Assert.True(await IsSignedInAsync(third));
        Assert.Equal(9, await WithUserAsync(user.Id, (users, account) => users.CountRecoveryCodesAsync(account)));
    }

    [Fact]
    public async Task RecoveryCode_RedeemedEightTimesAtOnce_SucceedsOnce()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        var (_, codes) = await EnableMfaAsync(user.Id);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => RedeemAsync(user.Id, codes[5]))));

        Assert.Single(results, succeeded => succeeded);
        Assert.Equal(9, await WithUserAsync(user.Id, (users, account) => users.CountRecoveryCodesAsync(account)));
    }

    [Fact]
    public async Task PlainTextSecretsFromBefore_AtStart_AreProtectedAndKeepWorking()
    {
        const string legacyKey = "K5XQAQN3ZTXRGPLH6BDQ2CSEB4OHWU7M";
        string[] legacyCodes = ["BCDFG-HJKMN", "PQRTV-WXY23"];
        var user = await TestUsers.CreateAsync(factory.Services);
        // As Identity's own store wrote them.
        Execute(
            "INSERT INTO AspNetUserTokens (UserId, LoginProvider, Name, Value) VALUES ($id, '[AspNetUserStore]', 'AuthenticatorKey', $key), ($id, '[AspNetUserStore]', 'RecoveryCodes', $codes); UPDATE AspNetUsers SET TwoFactorEnabled = 1 WHERE Id = $id",
            ("$id", user.Id),
            ("$key", legacyKey),
            ("$codes", string.Join(';', legacyCodes)));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlainTextMfaSecretsConversion>().SeedAsync(CancellationToken.None);
        }

        var stored = ReadTokens(user.Id);
        Assert.DoesNotContain(stored.Values, value => value.Contains(legacyKey, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(stored.Values, value => legacyCodes.Any(code => value.Contains(code, StringComparison.Ordinal)));
        Assert.True(await RedeemAsync(user.Id, legacyCodes[1]));
        Assert.False(await RedeemAsync(user.Id, legacyCodes[1]));
        Assert.Equal(1, await WithUserAsync(user.Id, (users, account) => users.CountRecoveryCodesAsync(account)));
        var code = TotpCodes.Compute(legacyKey, DateTimeOffset.UtcNow);
        Assert.True(await WithUserAsync(user.Id, (users, account) => users.VerifyTwoFactorTokenAsync(account, TokenOptions.DefaultAuthenticatorProvider, code)));
    }

    [Fact]
    public async Task AuthenticatorKey_CopiedOntoAnotherAccountsRow_DoesNotOpen()
    {
        var owner = await TestUsers.CreateAsync(factory.Services);
        await EnableMfaAsync(owner.Id);
        var victim = await TestUsers.CreateAsync(factory.Services);

        Execute(
            "INSERT INTO AspNetUserTokens (UserId, LoginProvider, Name, Value) SELECT $victim, LoginProvider, Name, Value FROM AspNetUserTokens WHERE UserId = $owner AND Name = 'AuthenticatorKey'",
            ("$victim", victim.Id),
            ("$owner", owner.Id));

        await Assert.ThrowsAnyAsync<CryptographicException>(() => WithUserAsync(victim.Id, (users, account) => users.GetAuthenticatorKeyAsync(account)));
    }

    private async Task<(string Key, IReadOnlyList<string> Codes)> EnableMfaAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var mfa = scope.ServiceProvider.GetRequiredService<MfaService>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        await mfa.GetSetupAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var codes = await mfa.EnableAsync(user, TotpCodes.Compute(key, DateTimeOffset.UtcNow));
        Assert.NotNull(codes);
        return (key, codes);
    }

    /// <summary>Runs <paramref name="action"/> on the account freshly loaded in a scope of its own, as one request would.</summary>
    private async Task<T> WithUserAsync<T>(string userId, Func<UserManager<PortalUser>, PortalUser, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await action(users, (await users.FindByIdAsync(userId))!);
    }

    private Task<bool> RedeemAsync(string userId, string code)
        => WithUserAsync(userId, async (users, account) => (await users.RedeemTwoFactorRecoveryCodeAsync(account, code)).Succeeded);

    /// <summary>The account's rows in AspNetUserTokens, by name, read straight from the file.</summary>
    private Dictionary<string, string> ReadTokens(string userId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Name, Value FROM AspNetUserTokens WHERE UserId = $id";
        command.Parameters.AddWithValue("$id", userId);
        using var reader = command.ExecuteReader();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            tokens[reader.GetString(0)] = reader.GetString(1);
        }

        return tokens;
    }

    private void Execute(string sql, params (string Name, string Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "portal.db")};Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }

    private static Task<HttpResponseMessage> SubmitRecoveryCodeAsync(HttpClient client, string code)
        => StaticForm.SubmitAsync(client, "/Account/LoginWithRecoveryCode", "login-recovery-code", new Dictionary<string, string> { ["Input.RecoveryCode"] = code });

    private static async Task<bool> IsSignedInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/Account/Manage/ChangePassword");
        return response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("data-testid=\"signed-in-user\"", StringComparison.Ordinal);
    }
}
