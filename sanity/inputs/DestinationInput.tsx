/**
 * A trip destination, picked from the gazetteer (sanity/lib/gazetteer.ts): choosing a city fills
 * its name, IANA time zone and coordinates, and the country when the Country list has its code.
 * The fields stay below, editable, for what the list gets wrong or lacks (altitude, a venue's
 * exact position). The list is fetched only once someone types in the search box.
 */
import { Autocomplete, Card, Stack, Text } from '@sanity/ui'
import { useEffect, useMemo, useState } from 'react'
import { set, setIfMissing, useClient, type ObjectInputProps } from 'sanity'
import { studioApiVersion } from '../env'
import { loadGazetteer, MAX_QUERY_LENGTH, searchCities, type GazetteerCity } from '../lib/gazetteer'

type Option = { value: string; city: GazetteerCity }

const COUNTRY_BY_CODE = `*[_type == "country" && code == $code && !(_id in path("drafts.**"))][0]{ _id, name }`

function describe(city: GazetteerCity): string {
  return [city.province !== city.city ? city.province : '', city.country].filter(Boolean).join(', ')
}

export function DestinationInput(props: ObjectInputProps) {
  const { onChange, readOnly, id } = props
  const client = useClient({ apiVersion: studioApiVersion })
  const [cities, setCities] = useState<GazetteerCity[] | null>(null)
  const [query, setQuery] = useState('')
  const [loadError, setLoadError] = useState<string | null>(null)
  const [message, setMessage] = useState<{ tone: 'positive' | 'caution'; text: string } | null>(null)

  // Fetched on the first keystroke, not with the form: most edits of a trip never need it.
  useEffect(() => {
    if (cities || query.trim() === '') return
    let live = true
    loadGazetteer()
      .then((loaded) => live && setCities(loaded))
      .catch(() => live && setLoadError('The city list could not be loaded. Reload the Studio, or fill in the fields below by hand.'))
    return () => {
      live = false
    }
  }, [cities, query])

  const options = useMemo<Option[]>(() => (cities ? searchCities(cities, query).map((city) => ({ value: city.key, city })) : []), [cities, query])

  const pick = async (key: string) => {
    const city = options.find((option) => option.value === key)?.city
    if (!city) return
    onChange([
      setIfMissing({ _type: 'destination' }),
      set(city.city, ['city']),
      set(city.timeZone, ['timeZone']),
      // Keeps an altitude already entered: the list has none.
      setIfMissing({ _type: 'geopoint' }, ['location']),
      set(city.lat, ['location', 'lat']),
      set(city.lng, ['location', 'lng']),
    ])
    const country = city.countryCode ? await client.fetch<{ _id: string; name: string | null } | null>(COUNTRY_BY_CODE, { code: city.countryCode }).catch(() => null) : null
    if (country) {
      onChange(set({ _type: 'reference', _ref: country._id }, ['country']))
      setMessage({ tone: 'positive', text: `${city.city}, ${country.name ?? city.country}: time zone ${city.timeZone}, coordinates filled in from the city list.` })
    } else {
      setMessage({
        tone: 'caution',
        text: `${city.city}: time zone ${city.timeZone} and coordinates filled in. ${city.country} (${city.countryCode ?? 'no code'}) is not in the Country list: add it there, then choose it below.`,
      })
    }
  }

  return (
    <Stack space={4}>
      {!readOnly && (
        <Stack space={2}>
          <Text size={1} weight="semibold" as="label" htmlFor={`${id}-gazetteer`}>
            Find the city
          </Text>
          <Autocomplete<Option>
            id={`${id}-gazetteer`}
            placeholder="Type a city, e.g. Seoul, or “Portland, Maine”"
            options={options}
            // Searching is done by searchCities; every option it returns is shown.
            filterOption={() => true}
            onQueryChange={(next) => setQuery((next ?? '').slice(0, MAX_QUERY_LENGTH))}
            onSelect={(key) => void pick(key)}
            loading={query.trim() !== '' && !cities && !loadError}
            renderValue={(_, option) => option?.city.city ?? ''}
            renderOption={(option) => (
              <Card as="button" padding={3} data-testid="gazetteer-option">
                <Stack space={2}>
                  <Text size={1} weight="semibold">
                    {option.city.city}
                  </Text>
                  <Text size={1} muted>
                    {describe(option.city)} · {option.city.timeZone}
                  </Text>
                </Stack>
              </Card>
            )}
          />
          {loadError && (
            <Text size={1} role="alert">
              {loadError}
            </Text>
          )}
          {message && (
            <Card padding={3} radius={2} tone={message.tone} data-testid="gazetteer-picked">
              <Text size={1}>{message.text}</Text>
            </Card>
          )}
        </Stack>
      )}
      {props.renderDefault(props)}
    </Stack>
  )
}
