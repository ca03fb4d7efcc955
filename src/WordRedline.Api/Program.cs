using WordRedline.Api.Addendum;
using WordRedline.Api.Analyze;
using WordRedline.Api.Config;
using WordRedline.Api.Health;
using WordRedline.Api.Hosting;
using WordRedline.Api.Playbook;

var builder = WebApplication.CreateBuilder(args);

builder.AddWordRedlineErrors();
builder.AddWordRedlineJson();
builder.AddWordRedlineLimits();
builder.AddWordRedlineAuth();
builder.AddWordRedlineCors();
builder.AddWordRedlineRateLimiting();
builder.AddWordRedlineValidation();
builder.AddWordRedlineSwagger();
builder.AddWordRedlineTelemetry();
builder.AddWordRedlineAddinFiles();
builder.AddClauseEngine();

var app = builder.Build();

app.UseWordRedlineRequestLogging();
app.UseWordRedlineErrors();
app.UseWordRedlineLimits();
app.UseWordRedlineAddinFiles();
app.UseCors();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseWordRedlineSwagger();

app.MapAddinFiles();
app.MapHealthApi();
app.MapConfigApi();
app.MapPlaybookApi();
app.MapAnalyzeApi();
app.MapAddendumApi();
// The .docx endpoints (issue 5: POST /api/v1/redline, POST /api/v1/analyze/docx) belong in a Redline/ folder whose
// MapRedlineApi() builds its group with MapApiGroup, so they inherit the same auth, limits, CORS and rate limit.

app.Run();
