import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { applyToDocument, language } from './lib/i18n/index.ts';

applyToDocument(language.current);
const target = document.getElementById('app');
if (!target) throw new Error('missing #app');
export default mount(App, { target });
