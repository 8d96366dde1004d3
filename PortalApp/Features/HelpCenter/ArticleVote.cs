namespace PortalApp.Features.HelpCenter;

/// <summary>One reader's answer to "Was this article helpful?"; the unique index is what makes it one vote per reader.</summary>
public sealed class ArticleVote
{
    public long Id { get; set; }

    public int ArticleId { get; set; }

    /// <summary><c>user:{id}</c> for a signed-in customer, <c>browser:{cookie id}</c> otherwise.</summary>
    public string VoterKey { get; set; } = "";

    public bool Helpful { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
