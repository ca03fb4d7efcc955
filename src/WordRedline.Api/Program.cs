using WordRedline.Api.Addendum;
using WordRedline.Api.Analyze;
using WordRedline.Api.Config;
using WordRedline.Api.Diff;
using WordRedline.Api.Health;
using WordRedline.Api.Hosting;
using WordRedline.Api.Playbook;
using WordRedline.Api.Redline;
using WordRedline.Api.Versions;

Startup.ExplainFailuresInOneLine();
var builder = WebApplication.CreateBuilder(args);

builder.AddWordRedlineStartup();
builder.AddWordRedlineSecurity();
builder.AddWordRedlineErrors();
builder.AddWordRedlineShutdown();
builder.AddWordRedlineJson();
builder.AddWordRedlineLimits();
builder.AddWordRedlineAuth();
builder.AddWordRedlineCors();
builder.AddWordRedlineRateLimiting();
builder.AddWordRedlineDocxWork();
builder.AddWordRedlineValidation();
builder.AddWordRedlineSwagger();
builder.AddWordRedlineTelemetry();
builder.AddWordRedlineAddinFiles();
builder.AddClauseEngine();
builder.AddWordRedlineVersions();

var app = builder.Build();

app.UseWordRedlineSecurity();
app.UseWordRedlineRequestLogging();
app.UseWordRedlineErrors();
app.UseWordRedlineShutdown();
app.UseWordRedlineLimits();
app.UseWordRedlineAddinFiles();
app.UseCors();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseWordRedlineDocxWork();
app.UseWordRedlineSwagger();

app.MapAddinFiles();
app.MapHealthApi();
app.MapConfigApi();
app.MapPlaybookApi();
app.MapAnalyzeApi();
app.MapAddendumApi();
app.MapDiffApi();
app.MapRedlineApi();
app.MapVersionsApi();

app.Run();
