using Microsoft.AspNetCore.DataProtection;
using OrleansCalendar.Grains.Security;

namespace OrleansCalendar.Server.Security;

/// <summary>Encrypts grain secrets with ASP.NET Core Data Protection (authenticated encryption, rotating keys).</summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    // The purpose string isolates these payloads from any other use of the key ring; changing it orphans them.
    private readonly IDataProtector _protector = provider.CreateProtector("OrleansCalendar.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
