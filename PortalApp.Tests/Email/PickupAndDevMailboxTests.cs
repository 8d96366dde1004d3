using System.Net;
using MimeKit;
using PortalApp.Tests.Infrastructure;

namespace PortalApp.Tests.Email;

/// <summary>The Pickup transport (the Development default) and the development mailbox that reads its folder.</summary>
public sealed class PickupAndDevMailboxTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Pickup_QueuedMessages_OneParseableEmlEach()
    {
        var to = Enumerable.Range(1, 3).Select(i => $"pickup{i}@example.com").ToArray();

        await Outbox.EnqueueAsync(factory, to.Select((address, i) => Outbox.Message(100 + i, secret: i == 0, to: address)).ToArray());

        var mine = await Poll.UntilAsync(
            () => Task.FromResult(Mail.ReadPickup(factory.PickupDirectory).Where(m => to.Contains(m.To.Mailboxes.Single().Address)).ToList()),
            m => m.Count == 3,
            "three .eml files");
        Assert.Equal(to, mine.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(mine, m =>
        {
            Assert.Equal("no-reply@portal.test", m.From.Mailboxes.Single().Address);
            Assert.StartsWith("Test message 10", m.Subject, StringComparison.Ordinal);
            Assert.Contains("http://portal.test/t/secret-10", m.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("http://portal.test/t/secret-10", m.TextBody, StringComparison.Ordinal);
        });
        Assert.Empty(Directory.GetFiles(factory.PickupDirectory, "*.tmp"));
        Assert.All(Directory.GetFiles(factory.PickupDirectory, "*.eml"), f => MimeMessage.Load(f));
    }

    [Fact]
    public async Task DevMailbox_Development_ListsPickupEmailAndShowsItsText()
    {
        await Outbox.EnqueueAsync(factory, Outbox.Message(7, to: "mailbox-reader@example.com"));
        var file = await Poll.UntilAsync(
            () => Task.FromResult(Directory.Exists(factory.PickupDirectory)
                ? Directory.GetFiles(factory.PickupDirectory, "*.eml").FirstOrDefault(f => MimeMessage.Load(f).To.ToString().Contains("mailbox-reader@example.com", StringComparison.Ordinal))
                : null),
            f => f is not null,
            "the email in the pickup folder");
        using var client = factory.CreateClient();

        var list = StaticForm.Parse(await client.GetStringAsync("/dev/mailbox"));
        var item = list.QuerySelectorAll("a").FirstOrDefault(a => a.GetAttribute("href") == "dev/mailbox/" + Path.GetFileName(file));
        Assert.NotNull(item);
        Assert.Contains("Test message 7", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("mailbox-reader@example.com", item.TextContent, StringComparison.Ordinal);

        var detail = StaticForm.Parse(await client.GetStringAsync("/dev/mailbox/" + Path.GetFileName(file)));
        Assert.Equal("Test message 7", detail.QuerySelector("[data-testid=mail-subject]")?.TextContent.Trim());
        Assert.Contains("http://portal.test/t/secret-7", detail.QuerySelector("iframe.portal-mail-frame")?.GetAttribute("srcdoc"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/mailbox/..%2Fportal.db")]
    [InlineData("/dev/mailbox/portal.db")]
    public async Task DevMailbox_IdOutsideThePickupFolder_ShowsNoEmail(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = StaticForm.Parse(await response.Content.ReadAsStringAsync());
        Assert.Null(html.QuerySelector("[data-testid=mail-subject]"));
        Assert.DoesNotContain("SQLite format", html.Body?.InnerHtml ?? "", StringComparison.Ordinal);
    }
}
