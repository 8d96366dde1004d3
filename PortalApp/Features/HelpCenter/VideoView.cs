namespace PortalApp.Features.HelpCenter;

/// <summary>A video as the pages show it: <see cref="IsAvailable"/> says whether its file is really hosted.</summary>
public sealed record VideoView(int Id, string Title, string Description, string Author, DateTimeOffset PublishedAt, TimeSpan Duration, string VideoPath, string ThumbnailPath, bool IsAvailable)
{
    public string DurationText => Duration.TotalHours >= 1 ? Duration.ToString(@"h\:mm\:ss") : Duration.ToString(@"m\:ss");
}
