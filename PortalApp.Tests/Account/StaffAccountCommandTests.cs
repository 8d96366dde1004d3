using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

/// <summary><c>create-staff</c> run as its own process, the password on redirected standard input, against a temp database.</summary>
public sealed class StaffAccountCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "portal-tests", "staff-" + Guid.NewGuid().ToString("N"));

    public StaffAccountCommandTests() => Directory.CreateDirectory(directory);

    private string ConnectionString => $"Data Source={Path.Combine(directory, "portal.db")}";

    [Fact]
    public async Task CreateStaff_PasswordOnStdin_CreatesConfirmedStaffAccount()
    {
        var run = await RunAsync(TestUsers.Password + "\n", "create-staff", "--email", "ops@example.com", "--name", "Olivia Ops");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Created staff account ops@example.com", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(TestUsers.Password, run.Output, StringComparison.Ordinal);

        using var app = OpenDatabase();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync("ops@example.com");
        Assert.NotNull(user);
        Assert.Equal("Olivia Ops", user.FullName);
        Assert.True(user.EmailConfirmed);
        Assert.Equal([PortalRoles.Staff], await users.GetRolesAsync(user));
        Assert.True(await users.CheckPasswordAsync(user, TestUsers.Password));
    }

    [Fact]
    public async Task CreateStaff_AddressSomeoneRegisteredFirst_PromotesOnlyWithTheOperatorsPasswordAndNoForeignSecondFactor()
    {
        const string registrantPassword = "Registrant-Chose-This-1!";
        using (var app = OpenDatabase())
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var squatter = new PortalUser { UserName = "ops@example.com", Email = "ops@example.com", FullName = "Someone Else", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(squatter, registrantPassword)).Succeeded);
            await users.ResetAuthenticatorKeyAsync(squatter);
            await users.SetTwoFactorEnabledAsync(squatter, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(squatter, 10);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var run = await RunAsync(TestUsers.Password + "\n", "create-staff", "--email", "ops@example.com");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("the password you just typed", run.Output, StringComparison.Ordinal);
        using var after = OpenDatabase();
        await using var check = after.Services.CreateAsyncScope();
        var staff = check.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await staff.FindByEmailAsync("ops@example.com"))!;
        Assert.Equal([PortalRoles.Staff], await staff.GetRolesAsync(user));
        Assert.False(await staff.CheckPasswordAsync(user, registrantPassword));
        Assert.True(await staff.CheckPasswordAsync(user, TestUsers.Password));
        Assert.True(user.EmailConfirmed);
        Assert.False(user.TwoFactorEnabled);
        Assert.Equal(0, await staff.CountRecoveryCodesAsync(user));
    }

    [Fact]
    public async Task CreateStaff_ExistingAccountWeakPassword_ChangesNothing()
    {
        var existing = await TestUsersInFileAsync("ops@example.com");

        var run = await RunAsync("weak\n", "create-staff", "--email", "ops@example.com");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("The account was not changed", run.Error, StringComparison.Ordinal);
        using var app = OpenDatabase();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync("ops@example.com"))!;
        Assert.DoesNotContain(PortalRoles.Staff, await users.GetRolesAsync(user));
        Assert.Equal(existing.PasswordHash, user.PasswordHash);
    }

    [Fact]
    public async Task CreateStaff_WeakPassword_FailsAndCreatesNothing()
    {
        var run = await RunAsync("weak\n", "create-staff", "--email", "ops@example.com");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("The account was not created", run.Error, StringComparison.Ordinal);

        using var app = OpenDatabase();
        Assert.Null(await TestUsers.FindAsync(app.Services, "ops@example.com"));
    }

    [Fact]
    public async Task CreateStaff_NoEmail_PrintsUsage()
    {
        var run = await RunAsync("", "create-staff");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Usage: dotnet run --project PortalApp -- create-staff --email", run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private async Task<PortalUser> TestUsersInFileAsync(string email)
    {
        using var app = OpenDatabase();
        var user = await TestUsers.CreateAsync(app.Services, email);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return user;
    }

    private PortalAppFactory OpenDatabase()
    {
        var app = new PortalAppFactory { EnvironmentName = "Production" };
        app.Settings["ConnectionStrings:Portal"] = ConnectionString;
        app.Settings["Seed:DemoData"] = "false";
        return app;
    }

    private async Task<ProcessRun> RunAsync(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PortalApp.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Portal"] = ConnectionString;
        start.Environment["Portal__PublicBaseUrl"] = "https://portal.example.com/";
        start.Environment["DataProtection__Certificate__Path"] = TestCertificates.WriteKeyRingPfx(directory);
        start.Environment["DataProtection__Certificate__Password"] = TestCertificates.Password;
        start.Environment["Email__Transport"] = "Pickup";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessRun(process.ExitCode, await output, await error);
    }

    private sealed record ProcessRun(int ExitCode, string Output, string Error);
}
