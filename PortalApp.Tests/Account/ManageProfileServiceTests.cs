using System.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortalApp.Data;
using PortalApp.Features.Account;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Account;

public sealed class ManageProfileServiceTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task SaveProfile_ValidInput_PersistsWithoutSigningOtherSessionsOut()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        var stampBefore = await StampAsync(user.Id);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var profiles = scope.ServiceProvider.GetRequiredService<AccountProfileService>();
            var loaded = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(user.Id))!;
            var errors = await profiles.SaveAsync(loaded, new ProfileInput
            {
                FullName = "  Robin Example ",
                PhoneNumber = "+31 20 123 4567",
                TimeZoneId = "Europe/Amsterdam",
                Language = "nl",
                SecurityNotificationsByEmail = false,
                ProductNewsByEmail = true,
            });
            Assert.Empty(errors);
        }

        var saved = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal(("Robin Example", "+31 20 123 4567", "Europe/Amsterdam", "nl", false, true),
            (saved.FullName, saved.PhoneNumber, saved.TimeZoneId, saved.Language, saved.SecurityNotificationsByEmail, saved.ProductNewsByEmail));
        Assert.Equal(stampBefore, saved.SecurityStamp);
    }

    [Fact]
    public async Task SaveProfile_UnknownTimeZone_RefusedAndUnchanged()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        await using var scope = factory.Services.CreateAsyncScope();
        var profiles = scope.ServiceProvider.GetRequiredService<AccountProfileService>();
        var loaded = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(user.Id))!;

        var errors = await profiles.SaveAsync(loaded, new ProfileInput { FullName = "Robin", TimeZoneId = "Atlantis/Capital" });

        Assert.Contains("Choose a time zone from the list.", errors);
        var saved = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal(PortalLimits.DefaultTimeZoneId, saved.TimeZoneId);
    }

    [Fact]
    public async Task NewAccount_Defaults_SecurityNoticesOnProductNewsOff()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        var saved = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.True(saved.SecurityNotificationsByEmail);
        Assert.False(saved.ProductNewsByEmail);
    }

    [Fact]
    public async Task EmailChange_Requested_TakesEffectOnlyWhenTheLinkIsOpened()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        var newEmail = $"new-{Guid.NewGuid():N}@example.com";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var profiles = scope.ServiceProvider.GetRequiredService<AccountProfileService>();
            var loaded = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(user.Id))!;
            Assert.Equal(EmailChangeOutcome.ConfirmationSent, await profiles.RequestEmailChangeAsync(loaded, newEmail, TestUsers.Password, null));
        }

        Assert.Equal(user.Email, (await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id))).Email);
        Assert.True(await OutboxHasAsync(user.Email!, "security-emailchangerequested"));
        var link = await ConfirmationLinkAsync(newEmail);
        var query = HttpUtility.ParseQueryString(new Uri(link).Query);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var profiles = scope.ServiceProvider.GetRequiredService<AccountProfileService>();
            Assert.NotNull(await profiles.ConfirmEmailChangeAsync(query["userId"]!, query["email"]!, query["code"]!));
            Assert.Null(await profiles.ConfirmEmailChangeAsync(query["userId"]!, "someone-else@example.com", query["code"]!));
        }

        var changed = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal((newEmail, newEmail), (changed.Email, changed.UserName));
        Assert.True(await OutboxHasAsync(user.Email!, "security-emailchanged"));
    }

    [Fact]
    public async Task EmailChange_AddressOfAnotherAccount_SameAnswerButNoLinkSent()
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        var other = await TestUsers.CreateAsync(factory.Services);
        await using var scope = factory.Services.CreateAsyncScope();
        var profiles = scope.ServiceProvider.GetRequiredService<AccountProfileService>();
        var loaded = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(user.Id))!;

        Assert.Equal(EmailChangeOutcome.ConfirmationSent, await profiles.RequestEmailChangeAsync(loaded, other.Email!, TestUsers.Password, null));

        Assert.False(await OutboxHasAsync(other.Email!, "confirm-email-change"));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task OptionalSecurityNotice_FollowsTheCustomersSetting(bool wanted, bool sent)
    {
        var user = await TestUsers.CreateAsync(factory.Services);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var loaded = (await users.FindByIdAsync(user.Id))!;
        loaded.SecurityNotificationsByEmail = wanted;
        await users.UpdateAsync(loaded);

        await scope.ServiceProvider.GetRequiredService<AccountSecurityService>().ExportPersonalDataAsync(loaded);
        await scope.ServiceProvider.GetRequiredService<AccountEmails>().SendSecurityNoticeAsync(loaded, SecurityNotice.PasswordChanged);

        Assert.Equal(sent, await OutboxHasAsync(user.Email!, "security-personaldatadownloaded"));
        Assert.True(await OutboxHasAsync(user.Email!, "security-passwordchanged"));
    }

    private Task<string?> StampAsync(string userId)
        => factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());

    private Task<bool> OutboxHasAsync(string to, string kind)
        => factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == to && m.Kind == kind));

    /// <summary>The link from the confirmation email, once the dispatcher has written it to the pickup folder.</summary>
    private async Task<string> ConfirmationLinkAsync(string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var message = Mail.ReadPickup(factory.PickupDirectory)
                .LastOrDefault(m => m.To.Mailboxes.Any(b => b.Address == to) && m.Subject == "Confirm your new email address");
            if (message is not null)
            {
                return Mail.LinkStartingWith(message, "http://portal.test/Account/ConfirmEmailChange?");
            }

            Assert.True(DateTime.UtcNow < deadline, $"No confirmation email for {to} arrived.");
            await Task.Delay(100);
        }
    }
}
