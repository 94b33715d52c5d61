import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

const INSTALLED = Symbol.for('kinerja.validationMetadataCache');

/**
 * class-validator resolves a class's rules on every `validate` call, and for every nested object in
 * it, by testing `instanceof` against every decorated class of the application
 * (`MetadataStorage.getTargetValidationMetadatas`, typestack/class-validator#2686): with Kinerja's
 * DTOs that scan was the largest single item of a report submission's CPU. The answer only changes
 * when a rule is registered, which happens while classes are defined, so it is kept per class and
 * per options (with its rules grouped by property, also rebuilt per call), and forgotten whenever a
 * rule is added. Installed once per process; validation
 * answers exactly as before.
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const addValidationMetadata = storage.addValidationMetadata.bind(storage);
  const groupByPropertyName = storage.groupByPropertyName.bind(storage);
  let cache = new WeakMap<object, Map<string, ReturnType<Lookup>>>();
  // Keyed by the cached answers above, which are never handed out again once a rule is added.
  const grouped = new WeakMap<ReturnType<Lookup>, ReturnType<Storage['groupByPropertyName']>>();

  storage.addValidationMetadata = (metadata) => {
    cache = new WeakMap();
    addValidationMetadata(metadata);
  };
  storage.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    if (typeof targetConstructor !== 'function') return lookup(targetConstructor, targetSchema, always, strictGroups, groups);
    let byOptions = cache.get(targetConstructor);
    if (!byOptions) {
      byOptions = new Map();
      cache.set(targetConstructor, byOptions);
    }
    // Validation without groups, the usual call, keyed without serialising anything.
    const key = groups === undefined || groups.length === 0 ? `${String(always)}|${String(strictGroups)}|${targetSchema ?? ''}` : JSON.stringify([targetSchema, always, strictGroups, groups]);
    let metadatas = byOptions.get(key);
    if (!metadatas) {
      metadatas = lookup(targetConstructor, targetSchema, always, strictGroups, groups);
      byOptions.set(key, metadatas);
    }
    return metadatas;
  };
  storage.groupByPropertyName = (metadatas) => {
    let byProperty = grouped.get(metadatas);
    if (!byProperty) {
      byProperty = groupByPropertyName(metadatas);
      grouped.set(metadatas, byProperty);
    }
    return byProperty;
  };
}
