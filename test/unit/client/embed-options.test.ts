import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEIGHT,
  embedSnippets,
  frameUrl,
  type OptionName,
  readOptions,
  type WidgetOptions,
} from '../../../client/src/embed/options';

const read = (values: Partial<Record<OptionName, string>>) => readOptions((name) => values[name] ?? null);

describe('embed options', () => {
  it('reads every option', () => {
    expect(
      read({
        actors: 'Valery Gerasimov, QWN0b3I6YQ',
        kinds: 'meetings,Statement',
        from: '2017-01-01',
        to: '2018-12-31',
        text: ' nato ',
        height: '500',
        theme: 'dark',
        api: 'https://parley.example/some/path?x=1',
      }),
    ).toEqual({
      actors: ['Valery Gerasimov', 'QWN0b3I6YQ'],
      kinds: ['STATEMENT', 'MEETING'],
      from: '2017-01-01',
      to: '2018-12-31',
      text: 'nato',
      height: 500,
      theme: 'dark',
      api: 'https://parley.example',
    });
  });

  it('falls back to defaults on hostile or broken values, never failing', () => {
    const options = read({
      kinds: 'bogus',
      from: '2017-02-30',
      height: '999999',
      theme: '<script>',
      api: 'javascript:alert(1)',
      actors: 'x'.repeat(300),
    });
    expect(options).toMatchObject({ kinds: [], from: null, height: 2000, theme: 'auto', api: null, actors: [] });
    expect(read({ height: 'tall' }).height).toBe(DEFAULT_HEIGHT);
    expect(read({ height: '10' }).height).toBe(160);
    expect(read({ api: 'data:text/html,hi' }).api).toBeNull();
  });

  it('escapes values in every snippet', () => {
    const options: WidgetOptions = {
      actors: ['"><img src=x onerror=alert(1)>'],
      kinds: [],
      from: null,
      to: null,
      text: '<script>alert(2)</script>',
      height: DEFAULT_HEIGHT,
      theme: 'auto',
      api: null,
    };
    const snippets = embedSnippets('https://parley.example', options);
    for (const snippet of [snippets.script, snippets.element]) {
      expect(snippet).not.toContain('<img');
      expect(snippet).not.toContain('<script>alert');
      expect(snippet).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    }
    expect(snippets.iframe).toContain(
      'src="https://parley.example/embed?actors=%22%3E%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E&amp;text=%3Cscript%3Ealert%282%29%3C%2Fscript%3E"',
    );
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    const options = read({ actors: 'Jim Mattis', kinds: 'statement', height: '300', theme: 'light' });
    const url = new URL(frameUrl('https://parley.example', options));
    expect(url.pathname).toBe('/embed');
    expect([...url.searchParams.keys()]).toEqual(['actors', 'kinds', 'height', 'theme']);
    expect(readOptions((name) => url.searchParams.get(name))).toEqual(options);
    expect(embedSnippets('https://parley.example', read({})).script).toBe(
      '<div data-parley-timeline></div>\n<script src="https://parley.example/embed.js" async></script>',
    );
  });
});
