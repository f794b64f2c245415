#!/usr/bin/python3
"""Checks a PDF against the machine-checkable points of PDF/UA-1 (ISO 14289-1) that the Matterhorn Protocol lists for
what a document generator controls, with pikepdf (Debian: `apt-get install python3-pikepdf`). Not a full validator
(veraPDF, the reference, is a Java program that no registry reachable here ships): it says which points it checked.

Usage: /usr/bin/python3 scripts/check-pdf-ua.py FILE.pdf   (exit 0 when every check passes)
"""
import re
import sys

import pikepdf

failures = []
passed = []


def check(ok, label):
    (passed if ok else failures).append(label)


def name(obj):
    return str(obj) if obj is not None else None


pdf = pikepdf.open(sys.argv[1])
root = pdf.Root

# 06-001..003: the metadata stream, its PDF/UA identifier and the title.
xmp = bytes(root.Metadata.read_bytes()).decode('utf-8', 'replace') if '/Metadata' in root else ''
check(bool(xmp), '06-001 catalog has an XMP metadata stream')
check(re.search(r'pdfuaid:part(>|=")\s*1', xmp) is not None, '06-002 XMP declares pdfuaid:part = 1')
check(re.search(r'<dc:title>', xmp) is not None, '06-003 XMP has dc:title')
prefs = root.get('/ViewerPreferences')
check(prefs is not None and bool(prefs.get('/DisplayDocTitle')), '07-001 ViewerPreferences DisplayDocTitle is true')
# 01-001 / 01-004: tagged, with a structure tree.
mark = root.get('/MarkInfo')
check(mark is not None and bool(mark.get('/Marked')), '01-001 MarkInfo Marked is true')
check(mark is None or not bool(mark.get('/Suspects', False)), '01-002 MarkInfo Suspects is not true')
tree = root.get('/StructTreeRoot')
check(tree is not None, '01-004 catalog has a StructTreeRoot')
check(tree is not None and '/ParentTree' in tree, '01-004 structure tree has a ParentTree')
# 11-006: the natural language.
check(bool(str(root.get('/Lang', ''))), '11-006 catalog declares the natural language (Lang)')

# Walk the structure tree.
counts = {}
figures_without_alt = 0
tables_without_th = 0
headings = []
role_map = {}
if tree is not None and '/RoleMap' in tree:
    role_map = {str(k): str(v) for k, v in tree.RoleMap.items()}


def std(tag):
    seen = set()
    while tag in role_map and tag not in seen:
        seen.add(tag)
        tag = role_map[tag]
    return tag


def walk(node, table=None):
    global figures_without_alt, tables_without_th
    kids = node.get('/K')
    if kids is None:
        return
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    for kid in items:
        if not isinstance(kid, pikepdf.Dictionary) or '/S' not in kid:
            continue
        tag = std(str(kid.S))
        counts[tag] = counts.get(tag, 0) + 1
        if tag == '/Figure' and '/Alt' not in kid and '/ActualText' not in kid:
            figures_without_alt += 1
        if re.fullmatch(r'/H[1-6]', tag):
            headings.append(int(tag[2]))
        if tag == '/Table':
            holder = {'th': 0}
            walk(kid, holder)
            if holder['th'] == 0:
                tables_without_th += 1
            continue
        if tag == '/TH' and table is not None:
            table['th'] += 1
        walk(kid, table)


if tree is not None:
    walk(tree)
check(counts.get('/Figure', 0) == 0 or figures_without_alt == 0, '13-004 every Figure has alternative text')
check(tables_without_th == 0, '15-003 every Table has header cells (TH)')
skipped = any(b > a + 1 for a, b in zip([0] + headings, headings))
check(not skipped, '14-003 headings do not skip a level')
check(not headings or headings[0] == 1, '14-002 the first heading is H1')

# 31-001 ff.: every font embedded, with a ToUnicode map or a standard encoding.
not_embedded = []
no_unicode = []
for page in pdf.pages:
    resources = page.get('/Resources')
    fonts = resources.get('/Font') if resources is not None else None
    if fonts is None:
        continue
    for key, font in fonts.items():
        descendants = font.get('/DescendantFonts')
        descriptor_font = descendants[0] if descendants is not None else font
        descriptor = descriptor_font.get('/FontDescriptor')
        if descriptor is None or not any(k in descriptor for k in ('/FontFile', '/FontFile2', '/FontFile3')):
            not_embedded.append(str(font.get('/BaseFont')))
        if '/ToUnicode' not in font:
            no_unicode.append(str(font.get('/BaseFont')))
check(not not_embedded, '31-001 every font is embedded')
check(not no_unicode, '31-006 every font maps to Unicode')
# 19-003 / 28-xxx: pages with annotations use the structure order for tabs; annotations are tagged.
tabs_missing = 0
for page in pdf.pages:
    if '/Annots' in page and len(page.Annots) > 0 and name(page.get('/Tabs')) != '/S':
        tabs_missing += 1
check(tabs_missing == 0, '19-003 pages with annotations have Tabs /S')

print(f'PDF/UA-1 checks (pikepdf {pikepdf.__version__}) on {sys.argv[1]}: {len(pdf.pages)} pages')
print('structure elements: ' + ', '.join(f'{k[1:]} {v}' for k, v in sorted(counts.items())))
for label in passed:
    print(f'  pass  {label}')
for label in failures:
    print(f'  FAIL  {label}')
print(f'{len(passed)} passed, {len(failures)} failed')
sys.exit(1 if failures else 0)
