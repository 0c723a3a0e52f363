import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { compareNames, foldForSearch } from '../../lib/text';
import type { Municipality } from '../../lib/api-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { RoleList } from '../../components/RoleList';
import { SearchField } from '../../components/SearchField';

interface ProvinceGroup {
  id: string;
  name: string;
  municipalities: Municipality[];
}
interface RegionGroup {
  id: string;
  name: string;
  provinces: ProvinceGroup[];
}

/** Region -> province -> municipalities, alphabetical, the provincial municipality first in its province. */
function groupByJurisdiction(municipalities: Municipality[], language: string): RegionGroup[] {
  const regions = new Map<string, RegionGroup>();
  for (const m of municipalities) {
    let region = regions.get(m.region.id);
    if (!region) {
      region = { id: m.region.id, name: m.region.name, provinces: [] };
      regions.set(m.region.id, region);
    }
    let province = region.provinces.find((p) => p.id === m.province.id);
    if (!province) {
      province = { id: m.province.id, name: m.province.name, municipalities: [] };
      region.provinces.push(province);
    }
    province.municipalities.push(m);
  }
  const sorted = [...regions.values()].sort((a, b) => compareNames(a.name, b.name, language));
  for (const region of sorted) {
    region.provinces.sort((a, b) => compareNames(a.name, b.name, language));
    for (const province of region.provinces) {
      province.municipalities.sort(
        (a, b) =>
          Number(a.kind !== 'provincial') - Number(b.kind !== 'provincial') || compareNames(a.name, b.name, language),
      );
    }
  }
  return sorted;
}

/** Below this many municipalities a search box is only noise on a small screen. */
const FILTER_FROM = 10;

function matches(m: Municipality, query: string): boolean {
  if (!query) return true;
  return [m.name, m.province.name, m.region.name].some((text) => foldForSearch(text).includes(query));
}

export function HomePage() {
  const { t, language } = useT();
  const { user } = useSession();
  useDocumentTitle(t('home.title'));
  const list = useResource('municipalities', (signal) => api.municipalities(signal));
  const [filter, setFilter] = useState('');
  const query = foldForSearch(useDeferredValue(filter));

  const visible = useMemo(
    () => (list.status === 'ok' ? list.data.municipalities.filter((m) => matches(m, query)) : []),
    [list.status, list.data, query],
  );
  const groups = useMemo(() => groupByJurisdiction(visible, language), [visible, language]);
  const total = list.status === 'ok' ? list.data.municipalities.length : 0;

  return (
    <>
      <section className="intro" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
      </section>

      {user && user.roles.length > 0 && (
        <section className="card" aria-labelledby="home-roles">
          <h2 id="home-roles">{t('home.yourRoles')}</h2>
          <RoleList roles={user.roles} />
        </section>
      )}

      <section aria-labelledby="home-list">
        <h2 id="home-list">{t('home.listTitle')}</h2>
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <ErrorNotice title={t('home.loadError')} onRetry={list.reload}><p>{list.error.message}</p></ErrorNotice>}
        {list.status === 'ok' && total === 0 && <p>{t('home.empty')}</p>}
        {list.status === 'ok' && total > 0 && (
          <>
            {total >= FILTER_FROM && (
              <SearchField
                id="municipality-filter"
                label={t('home.filterLabel')}
                hint={t('home.filterHint')}
                countId="municipality-count"
                value={filter}
                onChange={setFilter}
              />
            )}
            <p id="municipality-count" className="result-count" role="status">
              {visible.length === 0
                ? t('home.noMatch', { query: filter.trim() })
                : t('home.resultCount', { count: visible.length })}
            </p>
            {groups.map((region) => (
              <section key={region.id} className="region" aria-labelledby={`region-${region.id}`}>
                <h3 id={`region-${region.id}`}>{t('jurisdiction.region', { name: region.name })}</h3>
                {region.provinces.map((province) => (
                  <section key={province.id} className="province" aria-labelledby={`province-${province.id}`}>
                    <h4 id={`province-${province.id}`}>{t('jurisdiction.province', { name: province.name })}</h4>
                    <ul className="municipality-list">
                      {province.municipalities.map((m) => (
                        <li key={m.id}>
                          <Link to={`/m/${m.slug}`} className="municipality-link">
                            <span className="municipality-name">{m.name}</span>
                            <span className="municipality-kind">{t(`municipality.kind.${m.kind}`)}</span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </section>
                ))}
              </section>
            ))}
          </>
        )}
      </section>

      <p>
        <Link className="button button-secondary" to="/portal">{t('home.portalLink')}</Link>
      </p>
    </>
  );
}
