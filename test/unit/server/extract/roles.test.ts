import { describe, expect, it } from 'vitest';
import { parseRole, rolesMatch } from '../../../../server/src/extract/roles.js';

describe('roles', () => {
  it('reduces synonyms to one office and keeps the country', () => {
    expect(parseRole('the defense secretary')).toMatchObject({ office: 'defense secretary', country: null });
    expect(parseRole('U.S. Secretary of Defense')).toMatchObject({ office: 'defense secretary', country: 'USA' });
    expect(parseRole("President Donald Trump's Pentagon chief")).toMatchObject({ office: 'defense secretary' });
    expect(parseRole('Russia’s defense minister')).toMatchObject({ office: 'defense minister', country: 'RUS' });
  });

  it('matches a role mention to the office held, respecting countries', () => {
    const usSecretary = parseRole('U.S. Defense Secretary');
    const russianMinister = parseRole("Russia's defense minister");
    expect(usSecretary && rolesMatch(parseRole('the defense secretary') as never, usSecretary)).toBe(true);
    expect(usSecretary && rolesMatch(parseRole('the secretary') as never, usSecretary)).toBe(true);
    expect(russianMinister && rolesMatch(parseRole('the Russian defence minister') as never, russianMinister)).toBe(
      true,
    );
    expect(usSecretary && rolesMatch(parseRole("Russia's defense secretary") as never, usSecretary)).toBe(false);
  });

  it('is not fooled by phrases that name no office', () => {
    expect(parseRole('the weather')).toBeNull();
    expect(parseRole('')).toBeNull();
  });
});
