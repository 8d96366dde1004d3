using System.IO.Compression;
using System.Numerics;
using System.Text;

namespace PortalApp.Features.Passwords;

/// <summary>
/// The shipped list of the most common passwords (see README.md beside this file), held as its distinct normalised
/// keys (<see cref="PasswordText.CommonKey"/>) back to back in one character buffer, found through an
/// open-addressing table of indexes: about 2 MB for 100,000 passwords, built in one pass without a string per entry.
/// </summary>
internal sealed class CommonPasswordList
{
    public const string ResourceName = "PortalApp.PasswordPolicy.common-passwords-top100k.txt.gz";

    private readonly char[] keys;
    private readonly int[] starts;
    private readonly int[] slots;

    private CommonPasswordList(char[] keys, int[] starts, int[] slots, int sourceCount)
    {
        this.keys = keys;
        this.starts = starts;
        this.slots = slots;
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
        using var text = new MemoryStream();
        gzip.CopyTo(text);
        return Load(Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length));
    }

    /// <summary>Builds the list from one password per line, most common first.</summary>
    public static CommonPasswordList Load(string lines)
    {
        var lineCount = lines.AsSpan().Count('\n') + 1;
        var slots = new int[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, lineCount * 2))];
        var keys = new char[lines.Length];
        var starts = new int[lineCount + 1];
        var count = 0;
        var sourceCount = 0;

        foreach (var range in lines.AsSpan().Split('\n'))
        {
            var line = lines.AsSpan(range).TrimEnd('\r');
            if (line.IsEmpty)
            {
                continue;
            }

            sourceCount++;
            var length = PasswordText.WriteCommonKey(line, keys.AsSpan(starts[count]));
            if (length == 0)
            {
                continue;
            }

            // The candidate key sits just past the last stored one; keeping it is just moving the end forward.
            var slot = FindSlot(slots, keys, starts, keys.AsSpan(starts[count], length));
            if (slots[slot] == 0)
            {
                starts[count + 1] = starts[count] + length;
                count++;
                slots[slot] = count;
            }
        }

        return new CommonPasswordList(keys[..starts[count]], starts[..(count + 1)], slots, sourceCount);
    }

    /// <summary>Whether any normalised form of <paramref name="password"/> is on the list.</summary>
    public bool Matches(string password)
    {
        foreach (var key in PasswordText.CommonKeys(password))
        {
            if (key.Length > 0 && slots[FindSlot(slots, keys, starts, key)] != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The slot holding <paramref name="key"/>, or the empty slot where it would go (a slot holds key number + 1).</summary>
    private static int FindSlot(int[] slots, char[] keys, int[] starts, ReadOnlySpan<char> key)
    {
        var mask = slots.Length - 1;
        var slot = string.GetHashCode(key) & mask;
        while (slots[slot] != 0)
        {
            var index = slots[slot] - 1;
            if (keys.AsSpan(starts[index], starts[index + 1] - starts[index]).SequenceEqual(key))
            {
                return slot;
            }

            slot = (slot + 1) & mask;
        }

        return slot;
    }
}
