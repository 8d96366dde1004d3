using System.IO.Compression;
using System.Text;

namespace PortalApp.Features.PasswordPolicy;

/// <summary>
/// The shipped list of the most common passwords (see README.md beside this file), held as its normalised keys
/// (<see cref="PasswordText.CommonKey"/>) sorted in one character buffer with an offset table: about 2 MB for
/// 100,000 passwords, where a set of strings would take several times that.
/// </summary>
internal sealed class CommonPasswordList
{
    public const string ResourceName = "PortalApp.PasswordPolicy.common-passwords-top100k.txt.gz";

    private readonly char[] keys;
    private readonly int[] starts;

    private CommonPasswordList(char[] keys, int[] starts, int sourceCount)
    {
        this.keys = keys;
        this.starts = starts;
        SourceCount = sourceCount;
    }

    /// <summary>How many passwords the source list had.</summary>
    public int SourceCount { get; }

    /// <summary>How many distinct normalised keys they reduce to.</summary>
    public int Count => starts.Length - 1;

    public static CommonPasswordList LoadEmbedded()
    {
        using var stream = typeof(CommonPasswordList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The common-password list resource {ResourceName} is missing from the build.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return Load(reader);
    }

    public static CommonPasswordList Load(TextReader reader)
    {
        var normalised = new List<string>(100_000);
        var sourceCount = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            sourceCount++;
            var key = PasswordText.CommonKey(line);
            if (key.Length > 0)
            {
                normalised.Add(key);
            }
        }

        var sorted = normalised.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);

        var starts = new List<int>(sorted.Length + 1);
        var buffer = new StringBuilder(sorted.Sum(k => k.Length));
        string? previous = null;
        foreach (var key in sorted)
        {
            if (key == previous)
            {
                continue;
            }

            starts.Add(buffer.Length);
            buffer.Append(key);
            previous = key;
        }

        starts.Add(buffer.Length);
        var chars = new char[buffer.Length];
        buffer.CopyTo(0, chars, chars.Length);
        return new CommonPasswordList(chars, [.. starts], sourceCount);
    }

    /// <summary>Whether any normalised form of <paramref name="password"/> is on the list.</summary>
    public bool Matches(string password)
    {
        foreach (var key in PasswordText.CommonKeys(password))
        {
            if (key.Length > 0 && ContainsKey(key))
            {
                return true;
            }
        }

        return false;
    }

    private bool ContainsKey(ReadOnlySpan<char> key)
    {
        int low = 0, high = Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var candidate = keys.AsSpan(starts[middle], starts[middle + 1] - starts[middle]);
            var order = candidate.SequenceCompareTo(key);
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;
    }
}
