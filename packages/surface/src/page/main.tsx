/**
 * The surface's page: renders the server's state and sends the performer's actions; it holds no model of
 * the set of its own.
 */
import { render } from 'preact'
import { App } from './components/App.js'
import { connect } from './link.js'
import './styles.css'

render(<App />, document.getElementById('app')!)
connect()
