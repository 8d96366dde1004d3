using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Features.PasswordReset;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.PasswordReset;

/// <summary>
/// The reset email, now composed with the typed builder, compared with the subject and bodies the dictionary-based
/// renderer produced for the same input (the .golden files were captured from it before the change).
/// </summary>
public sealed class PasswordResetEmailTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task ResetEmail_TypedBuilder_SameSubjectAndBodiesAsBefore()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = new PortalUser { Email = "ana@example.com", FullName = "Ana <b>Lima</b> & Co" };
        var request = new ResetRequest { Id = Guid.Parse("0195f0c2-1111-7000-8000-000000000001"), ExpiresAt = new DateTimeOffset(2030, 1, 1, 10, 0, 15, TimeSpan.Zero) };
        var token = new ResetToken(request.Id, Enumerable.Range(1, ResetToken.SecretBytes).Select(i => (byte)i).ToArray());

        var email = await scope.ServiceProvider.GetRequiredService<ResetEmails>().ResetAsync(user, request, token);

        Assert.Equal("Reset your Customer Portal password", email.Subject);
        Assert.Equal(await GoldenAsync("PasswordResetEmail.golden.html"), email.HtmlBody);
        Assert.Equal(await GoldenAsync("PasswordResetEmail.golden.txt"), email.TextBody);
        Assert.Equal(("ana@example.com", "Ana <b>Lima</b> & Co"), (email.ToAddress, email.ToName));
        Assert.Equal((ResetEmails.ResetKind, true, request.Id.ToString()), (email.Kind, email.ContainsSecret, email.CorrelationId));
    }

    private static Task<string> GoldenAsync(string name, [CallerFilePath] string testFile = "")
        => File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(testFile)!, name));
}
