// Lists, pages, sorts, filters, selects fields, creates, updates and deletes contacts through
// kitsu, a generic JSON:API client that knows nothing of this service. Exits non-zero with the
// first expectation that failed. Usage: node client.mjs <base URL>
import Kitsu from 'kitsu'

const api = new Kitsu({ baseURL: process.argv[2], pluralize: false, timeout: 15000 })
const company = `Kitsu Co ${Date.now()}`

function expect (condition, message) {
  if (!condition) {
    throw new Error(message)
  }
}

const created = []
try {
  for (const [firstName, lastName, state] of [['Ada', 'Lovelace', 'CA'], ['Grace', 'Hopper', 'NY'], ['Alan', 'Turing', 'CA']]) {
    const response = await api.post('contacts', { type: 'contacts', firstName, lastName, state, companyName: company })
    expect(response.data.id, `create returns the new contact: ${JSON.stringify(response)}`)
    created.push(response.data.id)
  }

  const sorted = await api.get('contacts', {
    params: { filter: { companyName: company }, sort: '-lastName', page: { size: 2 } }
  })
  expect(sorted.data.length === 2, `a page of two: ${JSON.stringify(sorted)}`)
  expect(sorted.data[0].lastName === 'Turing' && sorted.data[1].lastName === 'Lovelace', 'sorted descending by last name')
  expect(sorted.meta.total === 3, 'the total counts all matches')
  expect(typeof sorted.links.next === 'string', 'a next link')

  const filtered = await api.get('contacts', {
    params: { filter: { companyName: company, state: 'CA' }, fields: { contacts: 'firstName' } }
  })
  expect(filtered.data.length === 2, 'two contacts in CA')
  expect(filtered.data.every(contact => contact.firstName && contact.lastName === undefined), 'only the fields asked for')

  const updated = await api.patch('contacts', { id: created[1], type: 'contacts', city: 'Arlington' })
  expect(updated.data.city === 'Arlington' && updated.data.firstName === 'Grace', 'update changes only what was sent')

  const fetched = await api.get(`contacts/${created[1]}`)
  expect(fetched.data.city === 'Arlington', 'the update was stored')

  await api.delete('contacts', created.pop())
  const remaining = await api.get('contacts', { params: { filter: { companyName: company } } })
  expect(remaining.data.length === 2, 'the deleted contact is gone')

  try {
    await api.get('contacts/5f8f8c44b54764421b7156c3')
    expect(false, 'an unknown contact is an error')
  } catch (error) {
    expect(error.response && error.response.status === 404, `404 for an unknown contact: ${error}`)
    expect(error.errors && error.errors[0].title === 'Contact not found', 'the error document is read by the client')
  }
  console.log(JSON.stringify({ ok: true, checked: 'list, page, sort, filter, fields, create, update, delete, errors' }))
} finally {
  for (const id of created) {
    await api.delete('contacts', id).catch(() => {})
  }
}
