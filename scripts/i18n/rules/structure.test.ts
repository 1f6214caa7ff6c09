/**
 * Merged and split blocks, list items and table rows: each finding lands on
 * the block (item, row) the translator changed, with the source blocks it
 * stands for, not on the block after it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sourceHash } from '../../../src/content/sourceHash.ts';
import { loadRegistry } from '../../../src/i18n/locales.ts';
import { loadSite } from '../../../src/model/site.ts';
import { loadGlossary } from '../../../src/translation/glossary.ts';
import { contentTree, writeFixture, type Fixture } from '../../../tests/helpers/fixture.ts';
import { checkTranslations } from '../check.ts';

const EN = `---
title: Merges
description: A page for merged and split blocks.
order: 2
---

Leads are contacts who showed interest in your offer on AppSource.

Each lead carries the customer's name, company and email address.

## Connect a destination {/* #connect */}

Choose where leads go: a CRM system, an HTTPS endpoint or Azure Table storage.

You can change the destination at any time in Partner Center.

- Open the offer in Partner Center.
- Select the Customer leads page.
- Choose a destination and save it.

| Destination | You enter |
| --- | --- |
| Dynamics 365 | The instance URL |
| Salesforce | The organization ID |
| HTTPS endpoint | The endpoint URL |

<Callout type="note">
Test leads arrive within a few minutes.
</Callout>

## Next steps {/* #next-steps */}

Send a test lead to check the connection.
`;

// Every German line is the English line + 3 (the translation record in the frontmatter).
const DE = `
Leads sind Kontakte, die sich auf AppSource für Ihr Angebot interessiert haben.

Jeder Lead enthält Name, Unternehmen und E-Mail-Adresse der Kundin oder des Kunden.

## Ein Ziel verbinden {/* #connect */}

Wählen Sie, wohin Leads gehen: ein CRM-System, ein HTTPS-Endpunkt oder Azure Table Storage.

Sie können das Ziel jederzeit im Partner Center ändern.

- Öffnen Sie das Angebot im Partner Center.
- Wählen Sie die Seite „Kundenleads“.
- Wählen Sie ein Ziel und speichern Sie es.

| Ziel | Sie geben ein |
| --- | --- |
| Dynamics 365 | Die Instanz-URL |
| Salesforce | Die Organisations-ID |
| HTTPS-Endpunkt | Die Endpunkt-URL |

<Callout type="note">
Testleads kommen innerhalb weniger Minuten an.
</Callout>

## Nächste Schritte {/* #next-steps */}

Senden Sie einen Testlead, um die Verbindung zu prüfen.
`;

const de = (body: string) =>
  `---\ntitle: Zusammenführungen\ndescription: Eine Seite für zusammengeführte und geteilte Blöcke.\norder: 2\ntranslation:\n  source: ${sourceHash(EN)}\n  method: human\n---\n${body}`;

const GLOSSARY = JSON.stringify({ terms: [{ term: 'AppSource' }, { term: 'Partner Center' }], sameInTranslation: { de: ['Storefront'] } });

let fixture: Fixture | undefined;
afterEach(() => fixture?.remove());

/** Every finding for a German page made from DE with some edits (search, replacement, search, replacement…). */
function check(...edits: string[]) {
  let body = DE;
  for (let index = 0; index < edits.length; index += 2) {
    if (!body.includes(edits[index]!)) throw new Error(`fixture has no ${edits[index]}`);
    body = body.replace(edits[index]!, edits[index + 1]!);
  }
  fixture?.remove();
  fixture = writeFixture(
    contentTree({
      'content/en/index.mdx': null,
      'content/de/index.mdx': null,
      'content/glossary.json': GLOSSARY,
      'content/en/merge.mdx': EN,
      'content/de/merge.mdx': de(body),
    }),
  );
  const root = fixture.root;
  const report = checkTranslations({
    root,
    registry: loadRegistry(root),
    site: loadSite(root),
    glossary: loadGlossary(root),
    history: false,
  });
  return report.findings.map((f) => ({
    at: `${f.file}:${f.line}:${f.column}`,
    rule: f.rule,
    message: f.message,
    source: f.source ? `${f.source.file}:${f.source.line}:${f.source.column}` : undefined,
  }));
}

describe('merged and split blocks', () => {
  it('the clean pair has no findings', () => {
    expect(check('', '')).toEqual([]);
  });

  it('two paragraphs merged into one: at the merged paragraph, naming both source paragraphs', () => {
    expect(check('interessiert haben.\n\nJeder', 'interessiert haben. Jeder')).toEqual([
      {
        at: 'content/de/merge.mdx:10:1',
        rule: 'structure-mismatch',
        source: 'content/en/merge.mdx:7:1',
        message: 'This paragraph stands for 2 source blocks merged into one: blocks 1 (a paragraph, line 7) and 2 (a paragraph, line 9).',
      },
    ]);
  });

  it('one paragraph split in two: at the first of them, naming the source paragraph', () => {
    expect(check('Endpunkt oder Azure', 'Endpunkt\n\noder Azure')).toEqual([
      {
        at: 'content/de/merge.mdx:16:1',
        rule: 'structure-mismatch',
        source: 'content/en/merge.mdx:13:1',
        message: 'This paragraph and the next block (lines 16–18) stand for one source block split in 2: block 4 (a paragraph, line 13).',
      },
    ]);
  });

  it('a paragraph added or dropped is not taken for a merge or split, and is reported where it is (or would be)', () => {
    expect(check('Azure Table Storage.', 'Azure Table Storage. Es gibt drei Arten.\n\nDas ist alles.')).toEqual([
      {
        at: 'content/de/merge.mdx:18:1',
        rule: 'structure-mismatch',
        source: 'content/en/merge.mdx:15:1',
        message:
          'The page stops lining up with the source at block 5: here a paragraph, in the source a paragraph; this paragraph is not in the source.',
      },
    ]);
    expect(check('Jeder Lead enthält Name, Unternehmen und E-Mail-Adresse der Kundin oder des Kunden.\n\n', '')).toEqual([
      {
        at: 'content/de/merge.mdx:12:1',
        rule: 'structure-mismatch',
        source: 'content/en/merge.mdx:9:1',
        message:
          "The page stops lining up with the source at block 2: here a level-2 heading, in the source a paragraph; the source's paragraph (line 9) has no counterpart here.",
      },
    ]);
  });

  it('two list items merged: at the merged item, naming the source items', () => {
    expect(check('„Kundenleads“.\n- Wählen', '„Kundenleads“, wählen')).toEqual([
      {
        at: 'content/de/merge.mdx:21:1',
        rule: 'list-mismatch',
        source: 'content/en/merge.mdx:18:1',
        message: "List item 2 stands for the source's list items 2 and 3 merged into one.",
      },
    ]);
  });

  it('two table rows merged: at the merged row, naming the source rows', () => {
    expect(
      check(
        '| Salesforce | Die Organisations-ID |\n| HTTPS-Endpunkt | Die Endpunkt-URL |',
        '| Salesforce, HTTPS-Endpunkt | Die Organisations-ID, die Endpunkt-URL |',
      ),
    ).toEqual([
      {
        at: 'content/de/merge.mdx:27:1',
        rule: 'table-mismatch',
        source: 'content/en/merge.mdx:24:1',
        message: "Row 3 stands for the source's rows 3 and 4 merged into one.",
      },
    ]);
  });

  it('a heading merged into its paragraph: every finding at that paragraph, not at the next heading', () => {
    expect(check('## Ein Ziel verbinden {/* #connect */}\n\nWählen', 'Ein Ziel verbinden: Wählen')).toEqual([
      {
        at: 'content/de/merge.mdx:14:1',
        rule: 'heading-id',
        source: 'content/en/merge.mdx:11:1',
        message: 'The source heading "connect" is merged into this paragraph, so links to #connect break in this language.',
      },
      {
        at: 'content/de/merge.mdx:14:1',
        rule: 'heading-mismatch',
        source: 'content/en/merge.mdx:11:1',
        message:
          "The source's level-2 heading “Connect a destination” is merged into this paragraph here, so the page has 1 heading, the source 2.",
      },
      {
        at: 'content/de/merge.mdx:14:1',
        rule: 'structure-mismatch',
        source: 'content/en/merge.mdx:11:1',
        message:
          'This paragraph stands for 2 source blocks merged into one: blocks 3 (a level-2 heading, line 11) and 4 (a paragraph, line 13).',
      },
    ]);
    // The paragraph run into the heading instead: the heading stays, so only the block is reported.
    expect(
      check(
        '## Ein Ziel verbinden {/* #connect */}\n\nWählen Sie, wohin Leads gehen: ein CRM-System, ein HTTPS-Endpunkt oder Azure Table Storage.',
        '## Ein Ziel verbinden: wohin Leads gehen, ob CRM-System, HTTPS-Endpunkt oder Azure Table Storage {/* #connect */}',
      ),
    ).toEqual([
      {
        at: 'content/de/merge.mdx:14:1',
        rule: 'structure-mismatch',
        source: 'content/en/merge.mdx:11:1',
        message:
          'This level-2 heading stands for 2 source blocks merged into one: blocks 3 (a level-2 heading, line 11) and 4 (a paragraph, line 13).',
      },
    ]);
    // The last heading, whose paragraph ends the page.
    expect(check('## Nächste Schritte {/* #next-steps */}\n\nSenden', 'Nächste Schritte: Senden').map((f) => `${f.at} ${f.rule}`)).toEqual([
      'content/de/merge.mdx:34:1 heading-id',
      'content/de/merge.mdx:34:1 heading-mismatch',
      'content/de/merge.mdx:34:1 structure-mismatch',
    ]);
  });

  it('a component missing after a merge is reported where it would be, not one block further on', () => {
    const findings = check(
      'interessiert haben.\n\nJeder',
      'interessiert haben. Jeder',
      '<Callout type="note">\nTestleads kommen innerhalb weniger Minuten an.\n</Callout>\n\n',
      '',
    );
    // Line 28 is the heading that follows where the Callout was (the merge moved it up two lines); before, it was the paragraph after that heading.
    expect(findings.filter((f) => f.rule === 'component-mismatch')).toEqual([
      {
        at: 'content/de/merge.mdx:28:1',
        rule: 'component-mismatch',
        source: 'content/en/merge.mdx:27:1',
        message: '<Callout type="note"> from the source is missing here.',
      },
    ]);
  });

  it('text rules read a merged block as one: nothing more is reported for it, and an untranslated merge is one finding', () => {
    const merged = check('interessiert haben.\n\nJeder', 'interessiert haben. Jeder');
    expect(merged.map((f) => f.rule)).toEqual(['structure-mismatch']);
    const english = check(
      'Leads sind Kontakte, die sich auf AppSource für Ihr Angebot interessiert haben.\n\nJeder Lead enthält Name, Unternehmen und E-Mail-Adresse der Kundin oder des Kunden.',
      "Leads are contacts who showed interest in your offer on AppSource. Each lead carries the customer's name, company and email address.",
    );
    expect(english.map((f) => `${f.at} ${f.rule}`)).toEqual([
      'content/de/merge.mdx:10:1 structure-mismatch',
      'content/de/merge.mdx:10:1 untranslated',
    ]);
  });
});
