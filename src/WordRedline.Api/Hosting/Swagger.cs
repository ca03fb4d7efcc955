using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace WordRedline.Api.Hosting;

internal sealed class SwaggerOptions : ISettings
{
    public static string SectionName => "WordRedline:Swagger";

    /// <summary>The UI and document; empty means on in Development only (a public service need not publish its
    /// surface to every scanner).</summary>
    public bool? Enabled { get; set; }
}

/// <summary>All Swashbuckle wiring: the document at /swagger/v1/swagger.json, the UI at /swagger.</summary>
internal static class Swagger
{
    private const string BearerScheme = "bearer";

    public static void AddWordRedlineSwagger(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<SwaggerOptions>();
        var authEnabled = builder.Configuration.Read<EntraOptions>().Enabled;
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "WordRedline API",
                Version = "v1",
                Description = "Finds contract clauses that give away rights in a freelancer's work (AI training, open-ended " +
                    "usage) and proposes protective tracked-change edits.",
            });
            if (authEnabled)
            {
                swagger.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = BearerScheme,
                    BearerFormat = "JWT",
                    Description = "An Entra ID access token for the API's access_as_user scope.",
                });
                swagger.OperationFilter<BearerRequirementFilter>();
            }

            swagger.OperationFilter<MultipartFormFilter>();
        });
    }

    /// <summary>Documents a multipart/form-data body whose fields are <typeparamref name="T"/>'s properties. The
    /// endpoint reads the form itself; Accepts metadata would also make routing answer 415 with the JSON message.</summary>
    public static RouteHandlerBuilder WithMultipartForm<T>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new MultipartForm(typeof(T)));

    public static void UseWordRedlineSwagger(this WebApplication app)
    {
        if (!(app.Services.GetRequiredService<IOptions<SwaggerOptions>>().Value.Enabled ?? app.Environment.IsDevelopment()))
        {
            return;
        }

        app.UseSwagger();
        app.UseSwaggerUI(ui => ui.DocumentTitle = "WordRedline API");
    }

    private sealed record MultipartForm(Type Fields);

    private sealed class MultipartFormFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<MultipartForm>().FirstOrDefault() is not { } form)
            {
                return;
            }

            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["multipart/form-data"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(form.Fields, context.SchemaRepository) },
                },
            };
        }
    }

    /// <summary>Marks the operations behind the scope policy as needing the bearer token; health and config stay open.</summary>
    private sealed class BearerRequirementFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
            {
                return;
            }

            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
        }
    }
}
