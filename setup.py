"Packaging for scalinglab: every setting comes from settings.ini, which nbdev also reads."
import shlex
from configparser import ConfigParser
from pathlib import Path
from setuptools import find_packages, setup

here = Path(__file__).parent
config = ConfigParser(delimiters=['='])
config.read(here/'settings.ini', encoding='utf-8')
cfg = config['DEFAULT']

licenses = {'apache2': ('Apache Software License 2.0', 'OSI Approved :: Apache Software License')}
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable', '6 - Mature', '7 - Inactive']
min_python = cfg['min_python']
py_versions = [v for v in ['3.10', '3.11', '3.12', '3.13'] if tuple(map(int, v.split('.'))) >= tuple(map(int, min_python.split('.')))]
lic = licenses[cfg['license']]

def reqs(key): return shlex.split(cfg.get(key, ''))  # specifiers hold no spaces, as nbdev expects

# `dev_requirements` is the `dev` extra; any other `NAME_requirements` key becomes the extra NAME
extras = {k[:-len('_requirements')]: reqs(k) for k in cfg if k.endswith('_requirements')
          and k not in ('requirements', 'pip_requirements')}

setup(
    name=cfg['lib_name'],
    version=cfg['version'],
    description=cfg['description'],
    long_description=(here/'README.md').read_text(encoding='utf-8') if (here/'README.md').exists() else '',
    long_description_content_type='text/markdown',
    author=cfg['author'], author_email=cfg['author_email'],
    license=lic[0],
    url=cfg['git_url'],
    keywords=cfg['keywords'].split(),
    classifiers=[f"Development Status :: {statuses[int(cfg['status'])]}",
                 f"Intended Audience :: {cfg['audience']}",
                 f"License :: {lic[1]}",
                 f"Natural Language :: {cfg['language']}"] +
                [f'Programming Language :: Python :: {v}' for v in py_versions],
    packages=find_packages(include=[cfg['lib_path'], cfg['lib_path'] + '.*']),
    include_package_data=True,
    python_requires=f'>={min_python}',
    install_requires=reqs('requirements') + reqs('pip_requirements'),
    extras_require=extras,
    entry_points={'console_scripts': cfg.get('console_scripts', '').split(),
                  'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
    zip_safe=False,
)
