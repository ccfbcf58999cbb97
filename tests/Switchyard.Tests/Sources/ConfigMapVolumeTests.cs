using Switchyard.Loading;
using Switchyard.Sources;
using static Switchyard.Tests.Sources.ConfigDirectory;
using static Switchyard.Tests.Sources.SourceWaits;

namespace Switchyard.Tests.Sources;

/// <summary>
/// A Kubernetes ConfigMap mounted as a volume, laid out exactly as kubelet's atomic writer does
/// (pkg/volume/util/atomic_writer.go): the data in a timestamped directory, <c>..data</c> a link
/// to it, each key a visible link through <c>..data</c>. It was loaded three times (a duplicate
/// error each); now once, under the visible name, and kubelet's update (a new timestamped
/// directory, then an atomic rename of <c>..data</c>) reloads.
/// </summary>
public class ConfigMapVolumeTests
{
    private sealed class Volume : IDisposable
    {
        private string _current;

        public Volume(string text)
        {
            _current = "..2026_12_03_17_00_00.123";
            Write(_current, text);
            Directory.CreateSymbolicLink(Path.Combine(Root, "..data"), _current);
            File.CreateSymbolicLink(Path.Combine(Root, "vs.yaml"), "..data/vs.yaml");
        }

        public ConfigDirectory Dir { get; } = new();

        public string Root => Dir.Root;

        public string Visible => Path.Combine(Root, "vs.yaml");

        /// <summary>kubelet's update: write a new timestamped directory, swap <c>..data</c> by rename, remove the old one.</summary>
        public void Update(string text, string timestamp)
        {
            Write(timestamp, text);
            var tmp = Path.Combine(Root, "..data_tmp");
            Directory.CreateSymbolicLink(tmp, timestamp);
            SpecialFiles.Rename(tmp, Path.Combine(Root, "..data"));
            Directory.Delete(Path.Combine(Root, _current), recursive: true);
            _current = timestamp;
        }

        private void Write(string timestamp, string text) => Dir.Write(Path.Combine(timestamp, "vs.yaml"), text);

        public void Dispose() => Dir.Dispose();
    }

    [Fact]
    public void A_configmap_volume_is_admitted_once_under_its_visible_name()
    {
        using var volume = new Volume(Reviews(90, 10));

        var load = ConfigPipeline.Read([volume.Root], new LoadOptions());

        Assert.True(load.IsValid);
        Assert.Empty(load.Set.Rejected);
        Assert.Empty(load.Set.Warnings);
        Assert.Equal([volume.Visible], load.Set.Files);
        Assert.Equal(90, V1Weight(load.Set));
        Assert.Equal($"{volume.Visible}:1", Assert.Single(load.Set.Resources).Span.ToString());
    }

    [Fact]
    public async Task Kubelets_update_of_the_volume_reloads_the_new_data()
    {
        using var volume = new Volume(Reviews(90, 10));
        using var source = new FileSource([volume.Root], new LoadOptions(), TimeProvider.System, TimeSpan.FromMilliseconds(50));
        source.LoadNow();
        await ReloadAfter(source, source.Start, _ => true);

        var set = await ChangeAfter(source, () => volume.Update(Reviews(50, 50), "..2026_12_03_17_05_00.456"), s => V1Weight(s) == 50);

        Assert.Equal(2, set.Version);
        Assert.Single(set.Resources);
        Assert.Empty(set.Rejected);
        Assert.Equal([volume.Visible], set.Files);
    }
}
