using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OrleansCalendar.Server.Hosting;

namespace OrleansCalendar.Server.Auth;

/// <summary>
/// Holds the admin key: from <c>Auth__AdminKey</c>, or generated once and kept in
/// <c>&lt;data dir&gt;/admin-key.txt</c> so it survives restarts. Only its location is ever logged.
/// </summary>
public sealed class AdminKeyStore
{
    /// <summary>The generated key's file in the data directory.</summary>
    public const string FileName = "admin-key.txt";

    private readonly byte[] _keyBytes;

    public AdminKeyStore(IOptions<AuthOptions> auth, IOptions<ServerOptions> server, ILogger<AdminKeyStore> logger)
    {
        var key = auth.Value.AdminKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            var path = Path.Combine(server.Value.DataDirFullPath, FileName);
            key = LoadOrCreate(path, out var created);
            if (created)
            {
                logger.LogWarning("No Auth__AdminKey configured: generated an admin key and wrote it to {AdminKeyPath}", path);
            }
            else
            {
                logger.LogInformation("Using the admin key stored in {AdminKeyPath}", path);
            }
        }

        _keyBytes = Encoding.UTF8.GetBytes(key.Trim());
    }

    /// <summary>Constant-time comparison, so response timing does not reveal the key.</summary>
    public bool IsAdminKey(string candidate)
    {
        var candidateBytes = Encoding.UTF8.GetBytes(candidate);
        return candidateBytes.Length == _keyBytes.Length && CryptographicOperations.FixedTimeEquals(candidateBytes, _keyBytes);
    }

    private static string LoadOrCreate(string path, out bool created)
    {
        if (File.Exists(path))
        {
            created = false;
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = "ak-" + Base64Url.Encode(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            // No byte-order mark: operators paste this key into shells and config files.
            using var writer = new StreamWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
            writer.Write(key);
            created = true;
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs so both agree.
            created = false;
            return File.ReadAllText(path).Trim();
        }
    }
}
