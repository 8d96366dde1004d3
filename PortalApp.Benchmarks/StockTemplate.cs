using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace PortalApp.Benchmarks;

/// <summary>
/// Figure 8: the stock Blazor Web App template with Individual accounts, generated into a temporary folder at
/// benchmark time, built in Release and run as its own process on this machine. Its only change: the no-op email
/// sender writes reset links to a file (when BENCH_RESET_LINKS is set) so resets can be completed.
/// </summary>
internal sealed class StockTemplate : IAsyncDisposable
{
    private const string SenderOriginal = """
            public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
                emailSender.SendEmailAsync(email, "Reset your password", $"Please reset your password by <a href='{resetLink}'>clicking here</a>.");
        """;

    private const string SenderPatched = """
            private static readonly Lock LinkFile = new();

            public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink)
            {
                if (Environment.GetEnvironmentVariable("BENCH_RESET_LINKS") is { Length: > 0 } file)
                {
                    lock (LinkFile)
                    {
                        File.AppendAllText(file, email + " " + resetLink + "\n");
                    }
                }

                return Task.CompletedTask;
            }
        """;

    private readonly string folder;
    private Process? process;

    private StockTemplate(string folder, string baseUrl)
    {
        this.folder = folder;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string LinksFile => Path.Combine(folder, "reset-links.txt");

    public string Url(string relative) => BaseUrl + relative.TrimStart('/');

    public static async Task<StockTemplate> CreateAsync(IEnumerable<string> confirmedEmails)
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-bench-template", Guid.NewGuid().ToString("N"));
        var project = Path.Combine(folder, "StockIdentity");
        var clock = Stopwatch.StartNew();
        await Must("dotnet", folder, ["new", "blazor", "--auth", "Individual", "--interactivity", "Server", "-n", "StockIdentity", "-o", project]);
        var sender = Path.Combine(project, "Components", "Account", "IdentityNoOpEmailSender.cs");
        var code = File.ReadAllText(sender).ReplaceLineEndings("\n");
        if (!code.Contains(SenderOriginal.ReplaceLineEndings("\n"), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The template's IdentityNoOpEmailSender changed; update the benchmark's patch.");
        }

        File.WriteAllText(sender, code.Replace(SenderOriginal.ReplaceLineEndings("\n"), SenderPatched.ReplaceLineEndings("\n"), StringComparison.Ordinal));
        await Must("dotnet", project, ["build", "-c", "Release", "-nologo", "-v", "q"]);
        Console.WriteLine(Text.Invariant($"  template generated and built in {clock.Elapsed.TotalSeconds:0} s: {project}"));

        AddConfirmedUsers(Path.Combine(project, "Data", "app.db"), confirmedEmails);

        var port = SmtpSink.FreePort();
        var template = new StockTemplate(folder, $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(project, "bin", "Release", "net10.0", "StockIdentity.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(template.BaseUrl.TrimEnd('/'));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        info.Environment["BENCH_RESET_LINKS"] = template.LinksFile;
        template.process = Process.Start(info)!;
        template.process.OutputDataReceived += (_, _) => { };
        template.process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("  template: " + e.Data); } };
        template.process.BeginOutputReadLine();
        template.process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(template.Url("Account/ForgotPassword"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
            }

            await Task.Delay(200);
        }

        return template;
    }

    /// <summary>Completes resets through the template's own pages: forgot POST, then the reset form POST (timed).</summary>
    public async Task<Stats> CompleteResetsAsync(IReadOnlyList<string> emails, string password)
    {
        using (var forgot = new FormClient(Url("Account/ForgotPassword")))
        {
            await forgot.LoadAsync("forgot-password");
            foreach (var email in emails)
            {
                await forgot.PostAsync(new Dictionary<string, string> { ["Input.Email"] = email });
            }
        }

        var links = File.ReadAllLines(LinksFile).Select(l => l.Split(' ', 2)).Where(p => emails.Contains(p[0])).ToDictionary(p => p[0], p => WebUtility.HtmlDecode(p[1]));
        var timings = new List<double>();
        foreach (var email in emails)
        {
            using var reset = new FormClient(links[email]);
            await reset.LoadAsync("reset-password");
            var ms = await reset.PostAsync(new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password });
            if (reset.LastStatus is not (301 or 302 or 303))
            {
                throw new InvalidOperationException($"The template's reset for {email} did not redirect to its confirmation (status {reset.LastStatus}).");
            }

            timings.Add(ms);
        }

        return new Stats(timings.Skip(1));
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void AddConfirmedUsers(string database, IEnumerable<string> emails)
    {
        // The template's default hasher settings (Identity V3, 100,000 iterations); one hash serves every account.
        var hash = new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), "Initial-Password-1!");
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var email in emails)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
                VALUES ($id, $email, $normalized, $email, $normalized, 1, $hash, $stamp, $concurrency, 0, 0, 1, 0)
                """;
            insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
            insert.Parameters.AddWithValue("$email", email);
            insert.Parameters.AddWithValue("$normalized", email.ToUpperInvariant());
            insert.Parameters.AddWithValue("$hash", hash);
            insert.Parameters.AddWithValue("$stamp", Guid.NewGuid().ToString("N").ToUpperInvariant());
            insert.Parameters.AddWithValue("$concurrency", Guid.NewGuid().ToString());
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static async Task Must(string file, string workingDirectory, string[] arguments)
    {
        Directory.CreateDirectory(workingDirectory);
        var (exit, output) = await Processes.RunAsync(file, workingDirectory, arguments, TimeSpan.FromMinutes(5));
        if (exit != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({exit}):\n{output}");
        }
    }
}
