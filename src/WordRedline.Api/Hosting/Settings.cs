using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace WordRedline.Api.Hosting;

/// <summary>A settings class bound from one configuration section.</summary>
internal interface ISettings
{
    static abstract string SectionName { get; }
}

internal static class Settings
{
    /// <summary>Binds <typeparamref name="T"/> from its section and checks it before the first request: every failure
    /// names the full configuration key ("WordRedline:Limits:MaxParagraphs"), so start-up can say which setting is
    /// wrong and how in one line.</summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services) where T : class, ISettings
    {
        services.AddSingleton<IValidateOptions<T>, SettingsValidator<T>>();
        return services.AddOptions<T>().BindConfiguration(T.SectionName).ValidateOnStart();
    }

    /// <summary>The settings as they will be bound, for the few decisions made while the services are registered.</summary>
    public static T Read<T>(this IConfiguration configuration) where T : class, ISettings, new() =>
        configuration.GetSection(T.SectionName).Get<T>() ?? new T();
}

/// <summary>Data annotations on each property (recursing into nested settings objects) and
/// <see cref="IValidatableObject"/>, with each message naming the full key.</summary>
internal sealed class SettingsValidator<T> : IValidateOptions<T> where T : class, ISettings
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        Check(options, T.SectionName, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(object settings, string section, List<string> failures)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = $"{section}:{property.Name}";
            var value = property.GetValue(settings);
            var results = new List<ValidationResult>();
            var context = new ValidationContext(settings) { MemberName = property.Name, DisplayName = key };
            if (!Validator.TryValidateProperty(value, context, results))
            {
                failures.AddRange(results.Select(result => result.ErrorMessage ?? $"{key} is not valid."));
            }

            if (value is not null && property.PropertyType.IsClass && property.PropertyType.Namespace == typeof(Settings).Namespace)
            {
                Check(value, key, failures);
            }
        }

        if (settings is IValidatableObject validatable)
        {
            failures.AddRange(validatable.Validate(new ValidationContext(settings))
                .Select(result => $"{section}:{result.MemberNames.FirstOrDefault() ?? ""} {result.ErrorMessage}"));
        }
    }
}
