namespace DanVan.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("danvan-test-");

    public string Path => folder.FullName;

    public string File(params string[] names) => System.IO.Path.Combine([folder.FullName, .. names]);

    public void Dispose() => folder.Delete(recursive: true);
}
