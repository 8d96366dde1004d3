using Microsoft.EntityFrameworkCore;
using PortalApp.Data;

namespace PortalApp.Features.HelpCenter;

internal sealed class HelpVideos(IDbContextFactory<PortalDbContext> dbFactory, IWebHostEnvironment environment)
{
    public async Task<IReadOnlyList<VideoView>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var videos = await db.Set<VideoTutorial>().AsNoTracking().OrderBy(v => v.SortOrder).ThenBy(v => v.Id).ToListAsync(cancellationToken);
        return videos.Select(v => new VideoView(v.Id, v.Title, v.Description, v.Author, v.PublishedAt, TimeSpan.FromSeconds(v.DurationSeconds),
            v.VideoPath, v.ThumbnailPath, IsHosted(v.VideoPath))).ToList();
    }

    internal bool IsHosted(string path)
        => !string.IsNullOrWhiteSpace(path) && environment.WebRootFileProvider.GetFileInfo(path.TrimStart('/')) is { Exists: true, IsDirectory: false };
}
