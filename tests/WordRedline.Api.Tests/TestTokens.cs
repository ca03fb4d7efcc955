using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace WordRedline.Api.Tests;

/// <summary>RS256 access tokens shaped like Entra ID v2 tokens, signed with a key made for this test run. The test
/// host trusts that key in place of Entra ID's published keys, which a test cannot reach.</summary>
internal static class TestTokens
{
    public const string TenantId = "2f5d6c1e-8b1a-4c39-9a55-3f0d2b7c9e41";
    public const string ClientId = "7c3e9a10-5d2f-4b8e-a6c1-0e4f8d2b9a73";
    public const string Scope = "access_as_user";
    public static readonly string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";

    private static readonly RsaSecurityKey SigningKey = new(RSA.Create(2048)) { KeyId = "test-key" };

    /// <summary>The trusted key's public half, as an identity provider publishes it (jwks_uri).</summary>
    public static JsonWebKey PublicJwk
    {
        get
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(SigningKey.Rsa.ExportParameters(false)) { KeyId = SigningKey.KeyId });
            jwk.Use = "sig";
            return jwk;
        }
    }

    /// <summary>Same key id as the trusted key, different key: a forged signature.</summary>
    public static readonly RsaSecurityKey ForgedKey = new(RSA.Create(2048)) { KeyId = "test-key" };

    public static void TrustTestIssuer(JwtBearerOptions options)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
        configuration.SigningKeys.Add(SigningKey);
        options.Configuration = configuration;
        // The post-configure step already built a manager that would fetch Entra ID's metadata; replace it too.
        options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        options.TokenValidationParameters.ValidIssuer = Issuer;
        options.TokenValidationParameters.IssuerValidator = null;
    }

    public static string Create(
        string audience = ClientId,
        string? issuer = null,
        string? scope = Scope,
        string objectId = "0b9e8f52-6a3d-4c71-8e2f-1d4a7b6c5e90",
        string tenantId = TenantId,
        DateTime? expires = null,
        SecurityKey? key = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddHours(1);
        var claims = new Dictionary<string, object>
        {
            ["oid"] = objectId,
            ["tid"] = tenantId,
            ["ver"] = "2.0",
        };
        if (scope is not null)
        {
            claims["scp"] = scope;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expiry.AddHours(-2),
            NotBefore = expiry.AddHours(-2),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
