#!/usr/bin/python3
"""Independent reader for the .docx writer tests: LibreOffice Writer through UNO.

Usage: lo_check.py FILE.docx...   (system python3 with python3-uno; the pyenv python has no uno)
Prints one JSON object: {file: {"redlines": [[type, author]...], "comments": [[author, content]...],
"accept": [[label, paragraph]...], "reject": [[label, paragraph]...]}}. Paragraphs include table cells (row by row);
the label is the list number LibreOffice renders for the paragraph ("7.6.", "(a)"), empty when it has none.
One headless soffice with a private profile serves every file, on a private pipe, and is terminated at the end.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def paragraph_text(paragraph):
    # A footnote anchor shows its number ("1"), which is not the paragraph's own text; an inline content control
    # (LibreOffice 7.4+) is one portion whose text only its own enumeration gives.
    text = []
    portions = paragraph.createEnumeration()
    while portions.hasMoreElements():
        portion = portions.nextElement()
        kind = portion.getPropertyValue("TextPortionType")
        if kind == "ContentControl":
            text.append(paragraph_text(portion.getPropertyValue("ContentControl")))
        elif kind != "Footnote":
            text.append(portion.getString())
    return "".join(text)


def paragraphs(doc):
    out = []

    def walk(text):
        enum = text.createEnumeration()
        while enum.hasMoreElements():
            element = enum.nextElement()
            if element.supportsService("com.sun.star.text.Paragraph"):
                label = element.getPropertyValue("ListLabelString") if element.getPropertySetInfo().hasPropertyByName("ListLabelString") else ""
                out.append([label or "", paragraph_text(element)])
            elif element.supportsService("com.sun.star.text.TextTable"):
                for name in element.getCellNames():
                    walk(element.getCellByName(name).getText())

    walk(doc.getText())
    return out


def load(desktop, path):
    return desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))


def check(desktop, dispatcher, path):
    result = {}
    doc = load(desktop, path)
    try:
        redlines = []
        enum = doc.getRedlines().createEnumeration()
        while enum.hasMoreElements():
            r = enum.nextElement()
            redlines.append([r.getPropertyValue("RedlineType"), r.getPropertyValue("RedlineAuthor")])
        result["redlines"] = redlines
        comments = []
        enum = doc.getTextFields().createEnumeration()
        while enum.hasMoreElements():
            field = enum.nextElement()
            if field.supportsService("com.sun.star.text.textfield.Annotation"):
                comments.append([field.getPropertyValue("Author"), field.getPropertyValue("Content")])
        result["comments"] = comments
        dispatcher.executeDispatch(doc.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0, ())
        result["accept"] = paragraphs(doc)
    finally:
        doc.close(True)
    doc = load(desktop, path)
    try:
        dispatcher.executeDispatch(doc.getCurrentController().getFrame(), ".uno:RejectAllTrackedChanges", "", 0, ())
        result["reject"] = paragraphs(doc)
    finally:
        doc.close(True)
    return result


def main(files):
    profile = tempfile.mkdtemp(prefix="wr-lo-profile-")
    pipe = "wr_lo_%d" % os.getpid()
    soffice = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(240):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                if soffice.poll() is not None:
                    raise RuntimeError("soffice exited with %s before accepting connections" % soffice.returncode)
                time.sleep(0.5)
        if context is None:
            raise RuntimeError("soffice did not accept a connection within 120 s")
        smgr = context.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        results = {path: check(desktop, dispatcher, path) for path in files}
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge drops as soffice exits
        json.dump(results, sys.stdout)
    finally:
        try:
            soffice.wait(timeout=30)
        except subprocess.TimeoutExpired:
            soffice.kill()
            soffice.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
