using PortalApp.Features.PasswordReset;
using PortalApp.Platform.Clients;
using static PortalApp.Features.PasswordReset.ResetActivityType;

namespace PortalApp.Tests.PasswordReset;

/// <summary>What recording each kind of activity does to a reset request (DESIGN.md, "Reset requests, tokens and activity").</summary>
public sealed class ResetLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Lifecycle_EveryActivityType_HasAnEntry()
    {
        var missing = Enum.GetValues<ResetActivityType>().Where(t => !ResetLifecycle.Covers(t)).ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData(new[] { UnknownAccount }, ResetRequestStatus.UnknownAccount)]
    [InlineData(new[] { Throttled }, ResetRequestStatus.Throttled)]
    [InlineData(new[] { EmailQueued }, ResetRequestStatus.EmailQueued)]
    [InlineData(new[] { EmailQueued, EmailSent }, ResetRequestStatus.EmailSent)]
    [InlineData(new[] { EmailQueued, EmailFailed }, ResetRequestStatus.EmailFailed)]
    [InlineData(new[] { EmailQueued, EmailSent, LinkOpened }, ResetRequestStatus.LinkOpened)]
    [InlineData(new[] { EmailQueued, EmailSent, LinkOpened, Completed }, ResetRequestStatus.Completed)]
    [InlineData(new[] { EmailQueued, EmailSent, Completed }, ResetRequestStatus.Completed)]
    [InlineData(new[] { EmailQueued, EmailSent, LinkExpired }, ResetRequestStatus.Expired)]
    [InlineData(new[] { EmailQueued, EmailSent, LinkOpened, LinkExpired }, ResetRequestStatus.Expired)]
    [InlineData(new[] { EmailQueued, LinkExpired, EmailFailed }, ResetRequestStatus.EmailFailed)]
    public void Record_DocumentedSteps_MoveStatusToLastStep(ResetActivityType[] steps, ResetRequestStatus expected)
    {
        var request = NewRequest();

        RecordAll(request, [Requested, .. steps]);

        Assert.Equal(expected, request.Status);
    }

    [Theory]
    [InlineData(new[] { EmailQueued, EmailSent, LinkOpened, EmailSent }, ResetRequestStatus.LinkOpened)]
    [InlineData(new[] { EmailQueued, EmailSent, LinkOpened, Completed, LinkOpened }, ResetRequestStatus.Completed)]
    [InlineData(new[] { EmailQueued, EmailSent, LinkOpened, Completed, LinkExpired }, ResetRequestStatus.Completed)]
    [InlineData(new[] { Throttled, EmailQueued }, ResetRequestStatus.Throttled)]
    [InlineData(new[] { UnknownAccount, Completed }, ResetRequestStatus.UnknownAccount)]
    [InlineData(new[] { EmailQueued, EmailSent, LinkOpened, InvalidLink, RejectedByPolicy, ExpiredLinkUsed }, ResetRequestStatus.LinkOpened)]
    [InlineData(new[] { Completed }, ResetRequestStatus.Requested)]
    public void Record_StepThatCannotFollow_LeavesStatus(ResetActivityType[] steps, ResetRequestStatus expected)
    {
        var request = NewRequest();

        RecordAll(request, [Requested, .. steps]);

        Assert.Equal(expected, request.Status);
    }

    [Theory]
    [InlineData(ResetRequestStatus.Completed)]
    [InlineData(ResetRequestStatus.UnknownAccount)]
    [InlineData(ResetRequestStatus.Throttled)]
    public void StatusAfter_FinishedRequest_NoActivityMovesIt(ResetRequestStatus finished)
    {
        var moved = Enum.GetValues<ResetActivityType>().Where(t => ResetLifecycle.StatusAfter(finished, t) != finished).ToList();

        Assert.Empty(moved);
    }

    [Fact]
    public void Record_IssuedDirectlyThenOpenedAndCompleted_MovesThroughIssued()
    {
        var request = ResetRequest.IssuedDirectly(T0, "customer@example.com");
        var statuses = new List<ResetRequestStatus> { request.Status };

        foreach (var type in new[] { Requested, LinkOpened, Completed })
        {
            request.Record(type, T0);
            statuses.Add(request.Status);
        }

        Assert.Equal([ResetRequestStatus.Issued, ResetRequestStatus.Issued, ResetRequestStatus.LinkOpened, ResetRequestStatus.Completed], statuses);
    }

    [Fact]
    public void Record_StepTimes_SetOnceWhenTheStepHappens()
    {
        var request = NewRequest();
        request.Record(EmailQueued, T0.AddSeconds(1));
        request.Record(EmailSent, T0.AddSeconds(5));
        request.Record(LinkOpened, T0.AddMinutes(2));
        request.Record(EmailSent, T0.AddMinutes(3));
        request.Record(LinkOpened, T0.AddMinutes(4));
        request.Record(Completed, T0.AddMinutes(6));

        Assert.Equal((T0.AddSeconds(5), T0.AddMinutes(2), T0.AddMinutes(6)), (request.EmailSentAt, request.OpenedAt, request.CompletedAt));
    }

    [Fact]
    public void Record_CompletionThatCannotHappen_SetsNoCompletionTime()
    {
        var request = NewRequest();
        request.Record(Throttled, T0);

        request.Record(Completed, T0.AddMinutes(1));

        Assert.Null(request.CompletedAt);
    }

    [Fact]
    public void Record_Event_CarriesRequestAndRequesterUnlessAnotherBrowserDidIt()
    {
        var request = NewRequest();
        request.UserId = "user-1";

        var own = request.Record(EmailQueued, T0);
        var other = request.Record(LinkOpened, T0.AddMinutes(1), by: new ClientInfo("198.51.100.7", "Phone browser"));

        Assert.Equal((request.Id, "user-1", "customer@example.com", "192.0.2.1", "Desktop browser", EmailQueued, T0),
            (own.RequestId!.Value, own.UserId, own.Email, own.IpAddress, own.UserAgent, own.Type, own.OccurredAt));
        Assert.Equal((request.Id, "user-1", "198.51.100.7", "Phone browser", LinkOpened),
            (other.RequestId!.Value, other.UserId, other.IpAddress, other.UserAgent, other.Type));
    }

    [Fact]
    public void Record_OverLongDetail_IsCutToTheStoredLength()
    {
        var recorded = NewRequest().Record(RejectedByPolicy, T0, new string('x', ResetLimits.DetailMaxLength + 50));

        Assert.Equal(ResetLimits.DetailMaxLength, recorded.Detail!.Length);
    }

    [Fact]
    public void MovesFrom_LinkExpired_OnlyRequestsWaitingOnAnEmailedLink()
    {
        Assert.Equal(
            [ResetRequestStatus.EmailQueued, ResetRequestStatus.EmailSent, ResetRequestStatus.LinkOpened],
            ResetLifecycle.MovesFrom(LinkExpired).Order());
    }

    private static ResetRequest NewRequest() => new()
    {
        Id = Guid.NewGuid(),
        CreatedAt = T0,
        Email = "customer@example.com",
        IpAddress = "192.0.2.1",
        UserAgent = "Desktop browser",
    };

    private static void RecordAll(ResetRequest request, IEnumerable<ResetActivityType> steps)
    {
        var at = T0;
        foreach (var type in steps)
        {
            at = at.AddMinutes(1);
            request.Record(type, at);
        }
    }
}
