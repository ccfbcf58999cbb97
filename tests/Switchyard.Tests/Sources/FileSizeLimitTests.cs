using Microsoft.Extensions.Time.Testing;
using Switchyard.Diagnostics;
using Switchyard.Loading;
using Switchyard.Sources;
using static Switchyard.Tests.Sources.ConfigDirectory;

namespace Switchyard.Tests.Sources;

/// <summary>
/// One config file may hold at most <see cref="LoadOptions.MaxFileBytes"/> (64 MiB unless set).
/// A larger one is an error naming the file, its size and the limit, it is not read into memory,
/// and, like a file that does not parse, it keeps the resources it had.
/// </summary>
public class FileSizeLimitTests
{
    [Fact]
    public void A_file_over_the_default_64_MiB_is_an_error_naming_its_size_and_the_limit()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        var big = dir.PathOf("big.yaml");
        // Sparse: 65 MiB on paper, nothing on disk; the limit is checked before any byte is read.
        using (var stream = File.Create(big)) stream.SetLength(65L * 1024 * 1024);

        var load = ConfigPipeline.Read([dir.Root], new LoadOptions());

        Assert.Equal(64L * 1024 * 1024, new LoadOptions().MaxFileBytes);
        var error = Assert.Single(load.Set.Rejected);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal($"file too large: {big} is 65 MiB (68157440 bytes), over the limit of 64 MiB (67108864 bytes) for one config file; it was not read",
            error.Message);
        Assert.Equal(big, error.Span.File);
        Assert.False(load.IsValid);
        Assert.Equal(90, V1Weight(load.Set));
        // analyze reports it with the files that could not be parsed.
        Assert.Contains(error, load.SyntaxErrors);
    }

    [Fact]
    public void A_file_that_grows_over_the_limit_keeps_its_resources_until_it_shrinks_again()
    {
        using var dir = new ConfigDirectory();
        dir.Write("reviews.yaml", Reviews(90, 10));
        var log = new RecordingLogger();
        var options = new LoadOptions { MaxFileBytes = 4096 };
        using var source = new FileSource([dir.Root], options, new FakeTimeProvider(), FileSource.DefaultDebounce, log);
        source.LoadNow();

        var grown = Reviews(50, 50) + "\n" + new string('#', 5000) + "\n";
        dir.Write("reviews.yaml", grown);
        var set = source.LoadNow();

        Assert.Equal(1, set.Version);
        Assert.Equal(90, V1Weight(set));
        var size = new FileInfo(dir.PathOf("reviews.yaml")).Length;
        var error = Assert.Single(set.Rejected, d => d.Severity == Severity.Error);
        Assert.Equal($"file too large: {dir.PathOf("reviews.yaml")} is {size / 1024.0:0.#} KiB ({size} bytes), over the limit of 4 KiB (4096 bytes) for one config file; it was not read",
            error.Message);
        Assert.Contains($"files: rejected: ERROR {dir.PathOf("reviews.yaml")}: {error.Message}", log.Messages(EventIds.ResourceRejected));

        dir.Write("reviews.yaml", Reviews(50, 50));
        Assert.Equal(50, V1Weight(source.LoadNow()));
    }

    [Fact]
    public void A_read_stops_at_the_limit_whatever_size_the_listing_saw()
    {
        using var dir = new ConfigDirectory();
        var file = dir.Write("reviews.yaml", Reviews(90, 10) + new string('#', 100));

        var error = Assert.Throws<FileTooLargeException>(() => PhysicalConfigFileSystem.Instance.ReadAllText(file, 64));

        Assert.Equal(64, error.Limit);
        Assert.Equal(file, error.File);
        Assert.True(error.Size > 64);
        Assert.Equal(File.ReadAllText(file), PhysicalConfigFileSystem.Instance.ReadAllText(file, LoadOptions.DefaultMaxFileBytes));
    }
}
