using WordRedline.Core;

namespace WordRedline.Core.Tests;

[TestClass]
public sealed class PlaybookTests
{
    [TestMethod]
    public void LoadEmbedded_Default_HasId() => Assert.AreEqual("freelancer-ai", Playbook.LoadEmbedded().Id);
}
